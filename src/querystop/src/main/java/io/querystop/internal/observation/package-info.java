/**
 * Internal: may change without notice. The observation stage of the exchange ({@code CallObservations}, a no-op
 * unless a registry is configured) and the meters of the client's own connection pool. Only the classes named
 * {@code Micrometer*} and {@code PoolMeters} touch Micrometer, and only when the client was given a registry.
 */
package io.querystop.internal.observation;
