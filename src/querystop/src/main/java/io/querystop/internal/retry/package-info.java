/** Internal: may change without notice. Retry decisions, the retry quota, the adaptive rate limiter, skew. */
package io.querystop.internal.retry;
