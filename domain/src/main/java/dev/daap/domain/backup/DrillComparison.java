package dev.daap.domain.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a restore drill found: the tables of the restored copy against those recorded when the backup was taken. A
 * table missing, added, with other row counts or another checksum fails the drill; the detail names the first few.
 */
public final class DrillComparison {
    private static final int NAMED = 5;

    private DrillComparison() {}

    /** Null when the copy holds what was recorded; otherwise what differs, in words. */
    public static String differences(List<TableCount> recorded, List<TableCount> restored) {
        if (recorded.isEmpty()) {
            return null; // taken before DAAP counted tables (or of a database without any): that it restored is all
        }
        Map<String, TableCount> found =
                restored.stream().collect(Collectors.toMap(TableCount::table, Function.identity(), (a, b) -> a));
        List<String> differences = new ArrayList<>();
        for (TableCount table : recorded) {
            TableCount copy = found.remove(table.table());
            if (copy == null) {
                differences.add(table.table() + " is missing");
            } else if (copy.rows() != table.rows()) {
                differences.add(table.table() + " has " + copy.rows() + " rows, not " + table.rows());
            } else if (!copy.checksum().equals(table.checksum())) {
                differences.add(table.table() + " holds other content (checksum " + copy.checksum() + ", not "
                        + table.checksum() + ")");
            }
        }
        if (recorded.size() < TableCensus.MAX_TABLES) { // past the cap, tables beyond it were never recorded
            found.keySet().stream().sorted().forEach(table -> differences.add(table + " was not in the backup"));
        }
        if (differences.isEmpty()) {
            return null;
        }
        String named = String.join("; ", differences.subList(0, Math.min(NAMED, differences.size())));
        return differences.size() <= NAMED ? named : named + "; and " + (differences.size() - NAMED) + " more";
    }
}
