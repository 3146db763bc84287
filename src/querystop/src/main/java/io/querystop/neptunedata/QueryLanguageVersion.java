package io.querystop.neptunedata;

/** @param version a query language's version on the instance, e.g. {@code tinkerpop-3.6.2}; {@code null} when absent */
public record QueryLanguageVersion(String version) {
}
