/**
 * Internal: may change without notice. The one HTTP exchange both services share: build, sign, send on the pool,
 * stream-decode, map errors.
 */
package io.querystop.internal.http;
