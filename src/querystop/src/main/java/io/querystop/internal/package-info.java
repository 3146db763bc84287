/** Internal: may change without notice. Checks and helpers shared by the public records and the transport. */
package io.querystop.internal;
