package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void theDefaultsAreThoseOfTheArchitecture() {
        HttpSettings defaults = HttpSettings.defaults();

        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.host()).isEqualTo("0.0.0.0");
        assertThat(defaults.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.maxRequestBytes()).isEqualTo(1_048_576);
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThatThrownBy(() -> HttpSettings.defaults().withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpSettings.defaults().withHost(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpSettings.defaults().withShutdownTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpSettings.defaults().withMaxRequestBytes(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
