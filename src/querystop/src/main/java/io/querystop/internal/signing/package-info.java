/** Internal: may change without notice. SigV4 signing through aws-sdk-java-v2, and the credentials cache. */
package io.querystop.internal.signing;
