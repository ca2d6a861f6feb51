package dev.daap.domain.revision;

import dev.daap.domain.audit.ActorKind;
import dev.daap.domain.team.TeamSlug;
import java.util.Objects;
import java.util.UUID;

/**
 * Who made a revision, as the audit log names actors: an API key (its id, and its team unless a platform admin's),
 * or DAAP itself (the first revision of a database that existed before revisions did).
 */
public record RevisionActor(ActorKind kind, UUID keyId, TeamSlug team) {
    public RevisionActor {
        Objects.requireNonNull(kind, "kind");
        if (kind == ActorKind.API_KEY && keyId == null) {
            throw new IllegalArgumentException("an API key actor names its key");
        }
    }

    public static RevisionActor apiKey(UUID keyId, TeamSlug team) {
        return new RevisionActor(ActorKind.API_KEY, keyId, team);
    }
}
