package io.querystop.emulator;

import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.Consumer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

/**
 * Unsigned requests to an emulator over plain HTTP or TLS, with Reactor Netty alone: the emulator answers them
 * 403 {@code AccessDeniedException} (unless a fault says otherwise), which proves that it answers at all.
 */
public final class RawHttp {

    /** A status and body. */
    public record Answer(int status, String body) {
    }

    private RawHttp() {
    }

    /** {@code DELETE /gremlin/status/{id}} over plain HTTP, or over TLS with the JDK's default trust store. */
    public static Answer cancelGremlinQuery(URI endpoint, String id) {
        return cancelGremlinQuery(endpoint, id, tls -> { });
    }

    /** The same over TLS, with the client's TLS settings changed, e.g. {@code tls -> tls.trustManager(cert)}. */
    public static Answer cancelGremlinQuery(URI endpoint, String id, Consumer<SslContextBuilder> tls) {
        return send(client(endpoint, tls).delete().uri(endpoint + "/gremlin/status/" + id));
    }

    /**
     * The same, to the endpoint's address, but with the client taking it for {@code hostName}: what the client's host
     * name verification checks the certificate against.
     */
    public static Answer cancelGremlinQueryAs(String hostName, URI endpoint, String id,
                                              Consumer<SslContextBuilder> tls) throws UnknownHostException {
        byte[] ip = InetAddress.getByName(endpoint.getHost()).getAddress(); // a literal: parsed, not looked up
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByAddress(hostName, ip), endpoint.getPort());
        return send(client(endpoint, tls).remoteAddress(() -> address).delete().uri("/gremlin/status/" + id));
    }

    private static HttpClient client(URI endpoint, Consumer<SslContextBuilder> tls) {
        HttpClient client = HttpClient.newConnection();
        return endpoint.getScheme().equals("https")
            ? client.secure(spec -> spec.sslContext(Http11SslContextSpec.forClient().configure(tls)))
            : client;
    }

    private static Answer send(HttpClient.ResponseReceiver<?> request) {
        return request.responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                .map(text -> new Answer(response.status().code(), text)))
            .block(Duration.ofSeconds(10));
    }
}
