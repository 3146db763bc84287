package io.querystop.internal.signing;

import java.time.Clock;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The signing stage of a client: the credentials to sign with (cached, never waited for on an event loop) and SigV4
 * over an unsigned request at the client's signing clock.
 */
public final class Signing {

    private final CredentialsCache credentials;
    private final RequestSigner signer;
    private final Clock clock;

    /**
     * @param clock the signing time's source; a client's carries its clock-skew correction
     */
    public Signing(CredentialsCache credentials, RequestSigner signer, Clock clock) {
        this.credentials = credentials;
        this.signer = signer;
        this.clock = clock;
    }

    /** The credentials to sign with now; cold. */
    public Mono<AwsCredentialsIdentity> credentials() {
        return credentials.get();
    }

    /** The request as it goes on the wire: {@code unsigned} with the SigV4 headers added. */
    public SignedRequest sign(SigV4Request unsigned, AwsCredentialsIdentity identity) {
        return signer.sign(unsigned, identity, clock);
    }
}
