package dev.daap.domain.backup;

import java.util.Objects;

/**
 * What one table held when it was counted: its rows and a checksum of their content, so that a restore of the
 * backup can be compared with the database the backup was taken from.
 *
 * @param table    the table's schema-qualified name, as {@code schema.table}
 * @param checksum a digest of the rows' text, independent of their order (see the census for how it is made)
 */
public record TableCount(String table, long rows, String checksum) {
    public TableCount {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(checksum, "checksum");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
    }
}
