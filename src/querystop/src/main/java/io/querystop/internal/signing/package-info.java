/**
 * Internal: may change without notice. SigV4 signing (querystop's own signer, held byte-identical to aws-sdk-java-v2's
 * {@code AwsV4HttpSigner} by a differential test) and the credentials cache over the SDK's providers.
 */
package io.querystop.internal.signing;
