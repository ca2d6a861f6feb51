package dev.daap.adapters.postgres.backup;

import dev.daap.adapters.postgres.JsonColumns;
import dev.daap.domain.backup.TableCount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;

/** A backup's table counts as a JSONB array of {@code {table, rows, checksum}}; NULL (before DAAP counted) is none. */
final class TableCounts {
    private TableCounts() {}

    static JSONB toJson(List<TableCount> tables) {
        return JsonColumns.toJsonbArray(tables.stream()
                .map(table -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    object.put("table", table.table());
                    object.put("rows", table.rows());
                    object.put("checksum", table.checksum());
                    return object;
                })
                .toList());
    }

    static List<TableCount> fromJson(JSONB json) {
        if (json == null) {
            return List.of();
        }
        return JsonColumns.objectList(json, "a backup's tables").stream()
                .map(object ->
                        new TableCount((String) object.get("table"), ((Number) object.get("rows")).longValue(), (String)
                                object.get("checksum")))
                .toList();
    }
}
