package dev.daap.adapters.postgres.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A use that arrives while a batch is being written is not lost when that batch is done. */
class LastUsesTest {
    private static final Instant T0 = Instant.parse("2026-11-25T14:00:00Z");
    private final LastUses uses = new LastUses();

    @Test
    void aLaterUseRecordedDuringTheWriteWaitsForTheNextBatch() {
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        uses.record(busy, T0);
        uses.record(quiet, T0);
        Map<UUID, Instant> batch = uses.snapshot();

        uses.record(busy, T0.plusSeconds(5)); // while the batch is on its way to the database
        uses.written(batch);

        assertThat(uses.snapshot()).isEqualTo(Map.of(busy, T0.plusSeconds(5)));
    }

    @Test
    void onlyTheLatestUseOfAKeyIsKept() {
        UUID key = UUID.randomUUID();
        uses.record(key, T0.plusSeconds(9));
        uses.record(key, T0.plusSeconds(3));

        assertThat(uses.snapshot()).isEqualTo(Map.of(key, T0.plusSeconds(9)));
    }
}
