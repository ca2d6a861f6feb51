package dev.daap.domain.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DrillComparisonTest {
    private static final List<TableCount> RECORDED =
            List.of(new TableCount("public.a", 3, "7"), new TableCount("public.b", 0, "0"));

    @Test
    void theSameTablesInAnyOrderDifferInNothing() {
        assertThat(DrillComparison.differences(RECORDED, RECORDED.reversed())).isNull();
    }

    @Test
    void missingAddedRecountedAndChangedTablesAreEachNamed() {
        String found = DrillComparison.differences(
                RECORDED, List.of(new TableCount("public.a", 3, "8"), new TableCount("public.c", 1, "1")));

        assertThat(found)
                .isEqualTo("public.a holds other content (checksum 8, not 7); public.b is missing; "
                        + "public.c was not in the backup");
        assertThat(DrillComparison.differences(RECORDED, List.of(new TableCount("public.a", 2, "7"), RECORDED.get(1))))
                .isEqualTo("public.a has 2 rows, not 3");
    }

    @Test
    void pastFiveDifferencesTheRestAreCounted() {
        List<TableCount> many = IntStream.range(0, 8)
                .mapToObj(i -> new TableCount("public.t" + i, i, "1"))
                .toList();

        assertThat(DrillComparison.differences(many, List.of())).endsWith("public.t4 is missing; and 3 more");
    }

    @Test
    void aBackupWithoutRecordedTablesIsProvedByItsRestoreAlone() {
        assertThat(DrillComparison.differences(List.of(), RECORDED)).isNull();
    }
}
