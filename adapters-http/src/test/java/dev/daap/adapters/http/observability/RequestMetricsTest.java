package dev.daap.adapters.http.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestMetrics metrics = new RequestMetrics(registry);

    @Test
    void oneSeriesPerMethodRouteAndStatusEachCountingItsOwnRequests() {
        // new String: equal routes that are not the same object still find one series
        metrics.record("GET", "/v1/databases/{id}", 200, Duration.ofMillis(3));
        metrics.record("GET", new String("/v1/databases/{id}"), 200, Duration.ofMillis(4));
        metrics.record("GET", "/v1/databases/{id}", 404, Duration.ofMillis(1));
        metrics.record("DELETE", "/v1/databases/{id}", 200, Duration.ofMillis(1));
        metrics.record("GET", "/v1/databases", 200, Duration.ofMillis(9));

        assertThat(registry.find(RequestMetrics.NAME).timers()).hasSize(4);
        Timer gets = timer("GET", "/v1/databases/{id}", "200");
        assertThat(gets.count()).isEqualTo(2);
        assertThat(gets.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(7);
        assertThat(timer("GET", "/v1/databases/{id}", "404").count()).isEqualTo(1);
        assertThat(timer("DELETE", "/v1/databases/{id}", "200").count()).isEqualTo(1);
        assertThat(timer("GET", "/v1/databases", "200").count()).isEqualTo(1);
    }

    private Timer timer(String method, String route, String status) {
        return registry.get(RequestMetrics.NAME)
                .tag("method", method)
                .tag("route", route)
                .tag("status", status)
                .timer();
    }
}
