package dev.daap.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7GeneratorTest {

    @Test
    void makesVersionSevenIdsCarryingTheTime() {
        Instant now = Instant.parse("2026-11-25T10:00:00.123Z");
        UUID id = new UuidV7Generator(Clock.fixed(now, ZoneOffset.UTC)).newId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    }

    @Test
    void idsFromOneGeneratorStrictlyIncreaseEvenWithinOneMillisecond() {
        var generator = new UuidV7Generator(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(generator.newId());
        }
        for (int i = 1; i < ids.size(); i++) {
            // PostgreSQL orders uuid by unsigned bytes, which for v7 is the order of the high bits.
            assertThat(Long.compareUnsigned(
                            ids.get(i).getMostSignificantBits(), ids.get(i - 1).getMostSignificantBits()))
                    .as("id %d after id %d", i, i - 1)
                    .isPositive();
        }
    }
}
