/**
 * Internal: may change without notice. The one HTTP exchange both services share, as stages composed in
 * {@link io.querystop.internal.http.HttpTransport#exchange}: build ({@code RequestBuilder}), admit
 * ({@code ConnectionGate}), send and stream-read ({@code Sender}), translate failures ({@code FailureTranslator}),
 * decode and parse errors ({@code ResponseDecoder}, {@code ErrorParser}), retry ({@code RetryLoop}); signing lives in
 * {@code internal.signing}. {@code TransportFactory} builds it; {@code Lifecycle} closes it.
 */
package io.querystop.internal.http;
