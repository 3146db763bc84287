package io.querystop.spring.boot;

import io.querystop.ClientBuilder;

/**
 * A last say over every client builder the auto-configuration makes (Neptune, each cluster instance, CloudTrail),
 * after the properties are applied and before {@code build()}. The auto-configuration itself gives the application's
 * {@code ObservationRegistry} and {@code MeterRegistry} this way; an application adds its own beans of this type for
 * anything the properties do not cover (an {@code SslContext}, an {@code AttemptObserver}, a custom convention).
 * Applied in {@code @Order} order.
 */
@FunctionalInterface
public interface QuerystopClientCustomizer {

    void customize(ClientBuilder<?, ?> builder);
}
