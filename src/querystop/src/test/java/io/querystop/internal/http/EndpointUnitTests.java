package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointUnitTests {

    @Test
    void theHostHeaderCarriesThePortOnlyWhenItIsNotTheDefault() {
        assertThat(Endpoint.parse("https://db.example.com:8182").hostHeader()).isEqualTo("db.example.com:8182");
        assertThat(Endpoint.parse("https://db.example.com").hostHeader()).isEqualTo("db.example.com");
        assertThat(Endpoint.parse("https://db.example.com:443").hostHeader()).isEqualTo("db.example.com");
        assertThat(Endpoint.parse("http://db.example.com:80").hostHeader()).isEqualTo("db.example.com");
        assertThat(Endpoint.parse("http://db.example.com:443").hostHeader()).isEqualTo("db.example.com:443");
        assertThat(Endpoint.parse("http://[::1]:8182").hostHeader()).isEqualTo("[::1]:8182");
    }

    @Test
    void aBasePathIsKeptWithoutTrailingSlashes() {
        Endpoint endpoint = Endpoint.parse("https://proxy.example.com/neptune//");
        assertThat(endpoint.basePath()).isEqualTo("/neptune");
        assertThat(endpoint.target("/gremlin/status/a%2Fb", null)).isEqualTo("/neptune/gremlin/status/a%2Fb");
        assertThat(endpoint.target("/opencypher/status/x", "silent=true"))
            .isEqualTo("/neptune/opencypher/status/x?silent=true");
        assertThat(Endpoint.parse("HTTPS://Db.Example.com").secure()).isTrue();
    }

    @Test
    void anIpv6HostIsConnectedToWithoutItsBrackets() {
        assertThat(Endpoint.parse("http://[::1]:8182").socketHost()).isEqualTo("::1");
        assertThat(Endpoint.parse("http://127.0.0.1:8").socketHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void dotSegmentsInTheBasePathAreRefused() {
        assertThatThrownBy(() -> Endpoint.parse("https://proxy/a/../b")).hasMessageContaining("'.' or '..'");
    }
}
