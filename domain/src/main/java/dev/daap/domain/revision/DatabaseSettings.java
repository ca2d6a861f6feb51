package dev.daap.domain.revision;

import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.database.Database;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The settings of a database that its revisions record, one line each, in the order a revision shows them. A new
 * setting lands in every revision from then on by adding its line here: its field name as the API spells it, and
 * its value read from the {@link Database} as JSON shows it (a String, Boolean, Number, a Map or List of those, or
 * null). Never a secret, nor what workers change (status, connection, sizes): those are not settings.
 */
public final class DatabaseSettings {
    private static final List<Setting> SETTINGS = List.of(
            new Setting("name", database -> database.name().value()),
            new Setting("owner_team", database -> database.ownerTeam().value()),
            new Setting("purpose", database -> database.purpose().value()),
            new Setting("labels", database -> database.labels().values()),
            new Setting("deletion_protection", Database::deletionProtection),
            new Setting("plan", database -> database.plan().value()),
            new Setting("backup_policy", DatabaseSettings::backupPolicy));

    private DatabaseSettings() {}

    /** Every setting's value, in order: the whole state a revision keeps. */
    public static Map<String, Object> of(Database database) {
        Map<String, Object> values = new LinkedHashMap<>();
        SETTINGS.forEach(setting -> values.put(setting.field(), setting.read().apply(database)));
        return values;
    }

    /** What differs from {@code before} to {@code after}, in order; every setting of a new database (before null). */
    public static List<SettingChange> between(Database before, Database after) {
        List<SettingChange> changes = new ArrayList<>();
        for (Setting setting : SETTINGS) {
            Object old = before == null ? null : setting.read().apply(before);
            Object now = setting.read().apply(after);
            if (before == null || !Objects.equals(old, now)) {
                changes.add(new SettingChange(setting.field(), old, now));
            }
        }
        return changes;
    }

    /** The field names, in order. */
    public static List<String> fields() {
        return SETTINGS.stream().map(Setting::field).toList();
    }

    /** As the API shows it: {@code {"schedule": "daily", "retain": 7}}, or null for none. */
    private static Object backupPolicy(Database database) {
        BackupPolicy policy = database.backupPolicy();
        if (policy == null) {
            return null;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("schedule", policy.schedule().wireName());
        shown.put("retain", policy.retain());
        return shown;
    }

    private record Setting(String field, Function<Database, Object> read) {}
}
