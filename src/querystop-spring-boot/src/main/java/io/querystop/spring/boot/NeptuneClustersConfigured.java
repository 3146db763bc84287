package io.querystop.spring.boot;

import io.querystop.spring.boot.QuerystopProperties.Cluster;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** At least one cluster is named under {@code querystop.neptune.clusters}. */
final class NeptuneClustersConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean any = Binder.get(context.getEnvironment())
            .bind("querystop.neptune.clusters", Bindable.mapOf(String.class, Cluster.class))
            .map(clusters -> !clusters.isEmpty())
            .orElse(false);
        return any ? ConditionOutcome.match("querystop.neptune.clusters names a cluster")
            : ConditionOutcome.noMatch("querystop.neptune.clusters names no cluster");
    }
}
