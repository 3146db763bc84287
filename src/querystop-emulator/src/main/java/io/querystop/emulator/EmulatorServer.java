package io.querystop.emulator;

import java.net.InetSocketAddress;
import java.time.Duration;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/** The HTTP server of one instance: bound on start to a loopback port, on its own event loops, until closed. */
final class EmulatorServer {

    private final LoopResources loops;
    private final DisposableServer server;

    EmulatorServer(Emulator.Builder settings, RequestHandler handler) {
        this.loops = LoopResources.create("querystop-emulator", settings.workerThreads, true);
        HttpServer http = HttpServer.create()
            .bindAddress(() -> new InetSocketAddress(settings.host, settings.port))
            .runOn(loops)
            .handle(handler::handle);
        if (settings.idleTimeout != null) {
            http = http.idleTimeout(settings.idleTimeout);
        }
        if (settings.tls != null) {
            TlsIdentity tls = settings.tls;
            http = http.secure(spec -> spec.sslContext(Http11SslContextSpec.forServer(tls.key(), tls.chain())));
        }
        try {
            this.server = http.bindNow(Duration.ofSeconds(10));
        } catch (RuntimeException bindFailed) {
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
            throw bindFailed;
        }
    }

    int port() {
        return ((InetSocketAddress) server.address()).getPort();
    }

    void close() {
        server.disposeNow(Duration.ofSeconds(5));
        // the server and its connections are closed already: no quiet period to wait for (Netty's default is 2 s)
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }
}
