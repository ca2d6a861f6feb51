package dev.daap.application.database;

import dev.daap.domain.common.Labels;
import dev.daap.domain.common.Validation;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.team.TeamSlug;
import java.util.Map;
import java.util.Optional;

/**
 * A validated request for a new database. Build it with {@link #of}, which reports every bad field at once.
 *
 * @param ownerTeam empty: the team of the caller's key
 */
public record CreateDatabaseCommand(DatabaseName name, Optional<TeamSlug> ownerTeam, Purpose purpose, Labels labels) {

    public static CreateDatabaseCommand of(String name, String ownerTeam, String purpose, Map<String, String> labels) {
        var validation = new Validation();
        var validName = validation.field("name", () -> DatabaseName.forNewDatabase(name));
        var validTeam = validation.optionalField("owner_team", ownerTeam, TeamSlug::new);
        var validPurpose = validation.field("purpose", () -> new Purpose(purpose));
        var validLabels = labels == null ? Labels.NONE : validation.field("labels", () -> new Labels(labels));
        validation.throwIfInvalid();
        return new CreateDatabaseCommand(validName, Optional.ofNullable(validTeam), validPurpose, validLabels);
    }
}
