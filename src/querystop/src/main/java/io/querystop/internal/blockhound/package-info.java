/**
 * Internal: may change without notice. The library's BlockHound integration, loaded only by BlockHound's
 * {@code ServiceLoader} (BlockHound is an optional dependency).
 */
package io.querystop.internal.blockhound;
