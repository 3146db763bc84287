/**
 * Observations of calls (Micrometer's Observation API): the context each call's observation carries, its naming
 * convention, and the names of its keys and events. Micrometer is an optional dependency: nothing here is loaded unless
 * a client builder is given an {@code ObservationRegistry} or a {@code MeterRegistry}. The package depends on no other
 * package of the library.
 */
package io.querystop.observation;
