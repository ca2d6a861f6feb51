package dev.daap.adapters.http.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.application.credential.Credentials;
import dev.daap.domain.database.ConnectionDetails;
import java.net.URI;
import org.junit.jupiter.api.Test;

class CredentialsResponseTest {
    private static final ConnectionDetails ORDERS = new ConnectionDetails("pg-1.internal", 6432, "orders", "orders");

    @Test
    void thePasswordIsPercentEncodedInTheUri() {
        String password = "p@ss:w/rd +%?#";

        String uri = CredentialsResponse.uri(ORDERS, password);

        assertThat(uri).isEqualTo("postgresql://orders:p%40ss%3Aw%2Frd%20%2B%25%3F%23@pg-1.internal:6432/orders");
        URI parsed = URI.create(uri);
        assertThat(parsed.getHost()).isEqualTo("pg-1.internal");
        assertThat(parsed.getPort()).isEqualTo(6432);
        assertThat(parsed.getUserInfo()).as("decoded").isEqualTo("orders:" + password);
        assertThat(parsed.getPath()).isEqualTo("/orders");
    }

    @Test
    void anIpv6HostIsBracketed() {
        var v6 = new ConnectionDetails("::1", 5432, "orders", "orders");

        assertThat(CredentialsResponse.uri(v6, "x")).isEqualTo("postgresql://orders:x@[::1]:5432/orders");
    }

    @Test
    void theResponseNeverPrintsThePassword() {
        var response = CredentialsResponse.from(new Credentials(ORDERS, "s3cret-value"));

        assertThat(response.password()).isEqualTo("s3cret-value");
        assertThat(response.toString()).doesNotContain("s3cret-value").contains("orders@pg-1.internal:6432");
    }
}
