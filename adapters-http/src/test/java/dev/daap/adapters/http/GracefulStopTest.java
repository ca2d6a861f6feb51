package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.testing.Gate;
import dev.daap.testing.http.TestResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link HttpServer#stop()} lets requests in flight finish, up to the shutdown timeout. */
class GracefulStopTest {

    @Test
    void aRequestInFlightFinishesWhileTheServerStops() throws Exception {
        TestApi api = TestApi.start(HttpSettings.defaults().withShutdownTimeout(Duration.ofSeconds(30)));
        var blocked = new Gate();
        api.databases.beforeFind(id -> blocked.hold());
        String path = "/v1/databases/" + UUID.randomUUID();
        CompletableFuture<TestResponse> inFlight = CompletableFuture.supplyAsync(() -> api.get(path));
        blocked.awaitReached();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(api.server::stop);
        awaitDraining(api.server);
        assertThat(stopping).isNotDone();
        blocked.open();

        assertThat(inFlight.get(20, TimeUnit.SECONDS).status()).isEqualTo(404);
        stopping.get(20, TimeUnit.SECONDS);
        assertThatThrownBy(() -> api.get("/health/live")).isInstanceOf(java.io.UncheckedIOException.class);
        api.close();
    }

    @Test
    void stopGivesUpOnRequestsThatOutliveTheTimeout() throws Exception {
        TestApi api = TestApi.start(HttpSettings.defaults().withShutdownTimeout(Duration.ofMillis(300)));
        var blocked = new Gate();
        api.databases.beforeFind(id -> blocked.hold());
        CompletableFuture.supplyAsync(() -> api.get("/v1/databases/" + UUID.randomUUID()));
        blocked.awaitReached();

        long started = System.nanoTime();
        api.server.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        blocked.open();

        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(api.server.isDraining()).isTrue();
        api.close();
    }

    /** Spins (no sleep) until the server refuses new work; bounded so a regression fails instead of hanging. */
    private static void awaitDraining(HttpServer server) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!server.isDraining()) {
            assertThat(System.nanoTime()).as("server started draining in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
