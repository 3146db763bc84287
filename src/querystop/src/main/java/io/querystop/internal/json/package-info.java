/** Internal: may change without notice. Streaming JSON: bodies are parsed as Netty delivers them, never aggregated. */
package io.querystop.internal.json;
