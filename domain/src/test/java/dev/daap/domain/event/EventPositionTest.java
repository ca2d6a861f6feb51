package dev.daap.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventPositionTest {

    @Test
    void encodesAndParsesBack() {
        var position = new EventPosition(0x1234_5678_9abcL, 42);

        assertThat(position.encode()).isEqualTo("0000123456789abc-000000000000002a");
        assertThat(EventPosition.parse(position.encode())).isEqualTo(position);
        assertThat(EventPosition.parse(EventPosition.ORIGIN.encode())).isEqualTo(EventPosition.ORIGIN);
    }

    @Test
    void ordersByTransactionFirstThenSequence() {
        // A transaction with an older id can take a later sequence number: it still comes first.
        var olderTransactionLaterNumber = new EventPosition(10, 99);
        var newerTransactionEarlierNumber = new EventPosition(11, 5);

        assertThat(olderTransactionLaterNumber).isLessThan(newerTransactionEarlierNumber);
        assertThat(new EventPosition(10, 1)).isLessThan(olderTransactionLaterNumber);
        assertThat(newerTransactionEarlierNumber.isAfter(olderTransactionLaterNumber))
                .isTrue();
    }

    @Test
    void theEncodedStringsSortLikeThePositions() {
        List<EventPosition> positions = new ArrayList<>(List.of(
                new EventPosition(300, 2),
                new EventPosition(2, 900),
                new EventPosition(300, 10),
                new EventPosition(0xffff_ffffL, 0),
                EventPosition.ORIGIN));
        Collections.shuffle(positions);

        List<String> byPosition =
                positions.stream().sorted().map(EventPosition::encode).toList();
        List<String> byText =
                positions.stream().map(EventPosition::encode).sorted().toList();

        assertThat(byText).isEqualTo(byPosition);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "42",
                "garbage",
                "0000000000000001-000000000000002",
                "0000000000000001_000000000000002a",
                "0000000000000001-000000000000002A",
                "8000000000000000-0000000000000001",
                " 0000000000000001-000000000000002a",
                "0000000000000001-000000000000002a\n"
            })
    void refusesAnythingItDidNotWrite(String raw) {
        assertThatThrownBy(() -> EventPosition.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("is not an event id returned by this API");
    }
}
