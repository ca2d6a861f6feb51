package dev.daap.adapters.http.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessLogTest {
    /** The access line's duration is written by hand; it must read as {@code %.3f} of the milliseconds did. */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 9, 10, 99, 100, 999, 1_000, 1_005, 1_318, 12_040, 999_999, 86_400_000_000L})
    void writesMillisecondsWithThreeDecimalsAsFormatDid(long micros) {
        assertThat(AccessLog.millis(micros)).isEqualTo(String.format(Locale.ROOT, "%.3f", micros / 1e3));
    }
}
