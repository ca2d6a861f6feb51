package dev.daap.adapters.http.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.application.cluster.UpdateClusterCommand;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.ClusterLimits;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterState;
import dev.daap.domain.cluster.Region;
import dev.daap.domain.cluster.SslMode;
import dev.daap.domain.common.LabelPatch;
import dev.daap.domain.common.Validation;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.error.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The body of {@code PATCH /v1/clusters/{name}}: a JSON merge patch (RFC 7396). {@code null} removes a setting (no
 * region, no limit, the admin URL's host or port, no sslmode); labels merge per key; {@code state} and
 * {@code admin_url} take a value only. An unknown member or one of the wrong JSON type is a 400, a member that may
 * not be patched a 422.
 */
final class ClusterPatchRequest {
    private static final Set<String> TEXT = Set.of("region", "state", "connect_host", "connect_sslmode", "admin_url");
    private static final Set<String> WHOLE_NUMBERS = Set.of("max_databases", "max_storage_bytes", "connect_port");
    private static final Set<String> READ_ONLY =
            Set.of("database_count", "storage_bytes", "health", "created_at", "updated_at", "version");
    private static final Set<String> NOT_NULL = Set.of("state", "admin_url");

    private final Map<String, JsonNode> members;

    private ClusterPatchRequest(Map<String, JsonNode> members) {
        this.members = members;
    }

    static ClusterPatchRequest from(ObjectNode body) {
        List<FieldError> wrongTypes = new ArrayList<>();
        var rules = new Validation();
        Map<String, JsonNode> members = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (TEXT.contains(name) && !(value.isNull() || value.isTextual())) {
                wrongTypes.add(new FieldError(name, "must be a string" + (NOT_NULL.contains(name) ? "" : " or null")));
            } else if (WHOLE_NUMBERS.contains(name) && !(value.isNull() || value.canConvertToLong())) {
                wrongTypes.add(new FieldError(name, "must be a whole number or null"));
            } else if (name.equals("labels") && !(value.isNull() || value.isObject())) {
                wrongTypes.add(new FieldError(name, "must be an object or null"));
            } else if (name.equals("name")) {
                rules.fail(name, "is immutable; register a new cluster to use another name");
            } else if (READ_ONLY.contains(name)) {
                rules.fail(name, "is read-only");
            } else if (!TEXT.contains(name) && !WHOLE_NUMBERS.contains(name) && !name.equals("labels")) {
                wrongTypes.add(new FieldError(name, "is not a known field"));
            } else if (NOT_NULL.contains(name) && value.isNull()) {
                rules.fail(name, "cannot be null");
            } else {
                members.put(name, value);
            }
        }
        if (!wrongTypes.isEmpty()) {
            throw HttpProblemException.malformed(
                    "the merge patch has unknown members or members of the wrong JSON type", wrongTypes);
        }
        rules.throwIfInvalid();
        return new ClusterPatchRequest(members);
    }

    /** The command of this patch to cluster {@code name}; reports every invalid value at once. */
    UpdateClusterCommand toCommand(ClusterName name, VersionPrecondition precondition) {
        var validation = new Validation();
        var command = new UpdateClusterCommand(
                name,
                nullable(validation, "region", JsonNode::textValue, Region::new),
                present("labels").map(value -> validation.field("labels", () -> labelPatch(value))),
                present("state")
                        .map(value -> validation.field("state", () -> ClusterState.fromWireName(value.textValue()))),
                nullable(validation, "max_databases", JsonNode::longValue, ClusterLimits::checkedMaxDatabases),
                nullable(validation, "max_storage_bytes", JsonNode::longValue, ClusterLimits::checkedMaxStorageBytes),
                nullable(validation, "connect_host", JsonNode::textValue, ClientEndpoint::checkedHost),
                nullable(validation, "connect_port", JsonNode::longValue, ClusterPatchRequest::port),
                nullable(validation, "connect_sslmode", JsonNode::textValue, SslMode::fromWireName),
                present("admin_url")
                        .map(value -> validation.field("admin_url", () -> AdminUrl.parse(value.textValue()))),
                precondition);
        validation.throwIfInvalid();
        return command;
    }

    private Optional<JsonNode> present(String member) {
        return Optional.ofNullable(members.get(member));
    }

    /** Absent: empty; null: a present empty; a value: a present value, checked. */
    private <R, T> Optional<Optional<T>> nullable(
            Validation validation, String member, Function<JsonNode, R> read, Function<R, T> check) {
        return present(member)
                .map(value -> value.isNull()
                        ? Optional.<T>empty()
                        : Optional.ofNullable(validation.field(member, () -> check.apply(read.apply(value)))));
    }

    private static Integer port(Long value) {
        if (value < 1 || value > 65_535) {
            throw new IllegalArgumentException("must be from 1 to 65535");
        }
        return value.intValue();
    }

    private static LabelPatch labelPatch(JsonNode value) {
        if (value.isNull()) {
            return LabelPatch.REMOVE_ALL;
        }
        Map<String, String> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode labelValue = entry.getValue();
            if (!labelValue.isNull() && !labelValue.isTextual()) {
                throw new IllegalArgumentException("value of '" + entry.getKey() + "' must be a string or null");
            }
            changes.put(entry.getKey(), labelValue.isNull() ? null : labelValue.textValue());
        }
        return LabelPatch.of(changes);
    }
}
