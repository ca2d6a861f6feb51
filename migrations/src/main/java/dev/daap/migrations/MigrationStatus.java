package dev.daap.migrations;

import java.util.List;

/** Which changesets are applied (oldest first) and which are still pending (in the order they would run). */
public record MigrationStatus(List<String> applied, List<String> pending) {
    public MigrationStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
    }

    public boolean isCurrent() {
        return pending.isEmpty();
    }
}
