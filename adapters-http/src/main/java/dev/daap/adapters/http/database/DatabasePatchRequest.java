package dev.daap.adapters.http.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.application.database.UpdateDatabaseCommand;
import dev.daap.domain.common.LabelPatch;
import dev.daap.domain.common.Validation;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.database.DatabaseChanges.NewBackupPolicy;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.team.TeamSlug;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code PATCH /v1/databases/{id}}: a JSON merge patch (RFC 7396) of {@code purpose},
 * {@code owner_team}, {@code labels}, {@code deletion_protection}, {@code plan} and {@code backup_policy} (replaced
 * whole, null for none). Labels merge per key: a key set to null is removed, {@code labels: null}
 * removes all. Purpose and owner are required, so null for them is an input error, as is any other member.
 *
 * @param labels the keys to set, with null values for the keys to remove
 */
public record DatabasePatchRequest(
        PatchField<String> purpose,
        PatchField<String> ownerTeam,
        PatchField<Map<String, String>> labels,
        PatchField<Boolean> deletionProtection,
        PatchField<String> plan,
        PatchField<JsonNode> backupPolicy) {
    private static final Set<String> READ_ONLY = Set.of(
            "quota_state",
            "id",
            "status",
            "connection",
            "created_at",
            "updated_at",
            "version",
            "latest_operation_id",
            "failure_reason",
            "restorable_until");

    /** Parses the patch; an unknown member or one of the wrong JSON type is a 400, a member that may not be patched a 422. */
    public static DatabasePatchRequest from(ObjectNode body) {
        List<FieldError> wrongTypes = new ArrayList<>();
        var members = new Validation();
        PatchField<String> purpose = PatchField.absent();
        PatchField<String> ownerTeam = PatchField.absent();
        PatchField<Map<String, String>> labels = PatchField.absent();
        PatchField<Boolean> deletionProtection = PatchField.absent();
        PatchField<String> plan = PatchField.absent();
        PatchField<JsonNode> backupPolicy = PatchField.absent();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            String name = member.getKey();
            switch (name) {
                case "purpose" -> purpose = text(name, member.getValue(), wrongTypes);
                case "owner_team" -> ownerTeam = text(name, member.getValue(), wrongTypes);
                case "plan" -> plan = text(name, member.getValue(), wrongTypes);
                case BackupPolicyField.NAME -> backupPolicy = PatchField.of(member.getValue());
                case "labels" -> labels = labels(member.getValue(), wrongTypes);
                case "deletion_protection" -> deletionProtection = flag(name, member.getValue(), wrongTypes, members);
                case "name" -> members.fail(name, "is immutable; create a new database to use another name");
                default -> {
                    // Same as a POST body: an unknown member is malformed (400), a known read-only one breaks a rule.
                    if (READ_ONLY.contains(name)) {
                        members.fail(name, "is read-only");
                    } else {
                        wrongTypes.add(new FieldError(name, "is not a known field"));
                    }
                }
            }
        }
        if (!wrongTypes.isEmpty()) {
            throw HttpProblemException.malformed(
                    "the merge patch has unknown members or members of the wrong JSON type", wrongTypes);
        }
        members.throwIfInvalid();
        return new DatabasePatchRequest(purpose, ownerTeam, labels, deletionProtection, plan, backupPolicy);
    }

    /**
     * The command of this patch to database {@code id} under {@code precondition}; reports every invalid value at
     * once. The labels stay a patch: the use case merges them into the labels it reads.
     */
    public UpdateDatabaseCommand toCommand(DatabaseId id, VersionPrecondition precondition) {
        var validation = new Validation();
        Purpose newPurpose = purpose.present() ? validation.field("purpose", () -> new Purpose(purpose.value())) : null;
        TeamSlug newOwner =
                ownerTeam.present() ? validation.field("owner_team", () -> new TeamSlug(ownerTeam.value())) : null;
        LabelPatch labelPatch = labels.present() ? validation.field("labels", this::labelPatch) : null;
        PlanName newPlan = plan.present() ? validation.field("plan", () -> new PlanName(plan.value())) : null;
        Optional<NewBackupPolicy> newPolicy = backupPolicy.present()
                ? Optional.of(new NewBackupPolicy(BackupPolicyField.parse(backupPolicy.value(), validation)))
                : Optional.empty();
        validation.throwIfInvalid();
        return new UpdateDatabaseCommand(
                id,
                Optional.ofNullable(newPurpose),
                Optional.ofNullable(labelPatch),
                Optional.ofNullable(newOwner),
                deletionProtection.present() ? Optional.of(deletionProtection.value()) : Optional.empty(),
                Optional.ofNullable(newPlan),
                newPolicy,
                precondition);
    }

    private LabelPatch labelPatch() {
        return labels.value() == null ? LabelPatch.REMOVE_ALL : LabelPatch.of(labels.value());
    }

    private static PatchField<String> text(String name, JsonNode value, List<FieldError> wrongTypes) {
        if (value.isNull() || value.isTextual()) {
            return PatchField.of(value.isNull() ? null : value.textValue());
        }
        wrongTypes.add(new FieldError(name, "must be a string"));
        return PatchField.absent();
    }

    /** A boolean; null is refused (422) as for purpose: the setting is required, false is its default. */
    private static PatchField<Boolean> flag(
            String name, JsonNode value, List<FieldError> wrongTypes, Validation members) {
        if (value.isBoolean()) {
            return PatchField.of(value.booleanValue());
        }
        if (value.isNull()) {
            members.fail(name, "must be true or false");
        } else {
            wrongTypes.add(new FieldError(name, "must be a boolean"));
        }
        return PatchField.absent();
    }

    private static PatchField<Map<String, String>> labels(JsonNode value, List<FieldError> wrongTypes) {
        if (value.isNull()) {
            return PatchField.of(null);
        }
        if (!value.isObject()) {
            wrongTypes.add(new FieldError("labels", "must be an object or null"));
            return PatchField.absent();
        }
        Map<String, String> changes = new LinkedHashMap<>(); // values may be null: removals
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode labelValue = entry.getValue();
            if (labelValue.isNull() || labelValue.isTextual()) {
                changes.put(entry.getKey(), labelValue.isNull() ? null : labelValue.textValue());
            } else {
                wrongTypes.add(new FieldError("labels." + entry.getKey(), "must be a string or null"));
            }
        }
        return PatchField.of(changes);
    }
}
