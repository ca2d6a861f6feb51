package dev.daap.adapters.http.database;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.common.Validation;
import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.database.BackupSchedule;
import java.util.Map;

/**
 * The {@code backup_policy} member of a create or a merge patch: {@code {"schedule": "daily", "retain": 7}}, or null
 * for no scheduled backups. Both members are required (a policy is replaced whole, not merged); anything else is a
 * field error under {@code backup_policy}.
 */
final class BackupPolicyField {
    static final String NAME = "backup_policy";

    private BackupPolicyField() {}

    /** The policy {@code value} holds; null for JSON null, and for a bad value after recording why. */
    static BackupPolicy parse(JsonNode value, Validation validation) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            validation.fail(NAME, "must be an object {\"schedule\": …, \"retain\": …} or null");
            return null;
        }
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            if (!member.getKey().equals("schedule") && !member.getKey().equals("retain")) {
                validation.fail(NAME + "." + member.getKey(), "is not a known field");
            }
        }
        JsonNode schedule = value.get("schedule");
        JsonNode retain = value.get("retain");
        BackupSchedule validSchedule = null;
        if (schedule == null || !schedule.isTextual()) {
            validation.fail(NAME + ".schedule", "is required: hourly, daily or weekly");
        } else {
            validSchedule =
                    validation.field(NAME + ".schedule", () -> BackupSchedule.fromWireName(schedule.textValue()));
        }
        if (retain == null || !retain.canConvertToInt() || !retain.isIntegralNumber()) {
            validation.fail(NAME + ".retain", "is required: a whole number from 1 to " + BackupPolicy.MAX_RETAIN);
        } else if (retain.intValue() < 1 || retain.intValue() > BackupPolicy.MAX_RETAIN) {
            validation.fail(NAME + ".retain", "must be between 1 and " + BackupPolicy.MAX_RETAIN);
        } else if (validSchedule != null) {
            return new BackupPolicy(validSchedule, retain.intValue());
        }
        return null;
    }

    /** As the API shows a policy; null for none. */
    record Shown(String schedule, int retain) {
        static Shown of(BackupPolicy policy) {
            return policy == null ? null : new Shown(policy.schedule().wireName(), policy.retain());
        }
    }
}
