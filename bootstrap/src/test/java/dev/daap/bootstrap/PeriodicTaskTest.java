package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    @Test
    void aFailingRunDoesNotStopTheNextOnes() {
        var runs = new AtomicInteger();
        try (var task = PeriodicTask.start("test", Duration.ofMillis(20), false, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("every run fails");
        })) {
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        }
    }

    @Test
    void closeRunsTheTaskOnceMoreWhenAskedTo() {
        var flushed = new AtomicInteger();
        var task = PeriodicTask.start("flush", Duration.ofHours(1), true, flushed::incrementAndGet);

        task.close();

        assertThat(flushed.get()).isEqualTo(1);
    }

    @Test
    void closeDoesNotRunItOtherwise() {
        var purged = new AtomicInteger();
        var task = PeriodicTask.start("purge", Duration.ofHours(1), false, purged::incrementAndGet);

        task.close();

        assertThat(purged.get()).isZero();
    }
}
