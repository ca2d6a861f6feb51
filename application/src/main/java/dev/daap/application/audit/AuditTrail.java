package dev.daap.application.audit;

import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Principal;
import dev.daap.domain.audit.ActorKind;
import dev.daap.domain.audit.AuditEvent;
import dev.daap.domain.audit.AuditLog;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.team.TeamSlug;
import java.time.Clock;
import java.util.Map;

/**
 * Writes audit entries for use cases. Call it inside the use case's transaction: the entry is then stored exactly
 * when the change is. Snapshots come from {@link AuditSnapshots}, which leaves secrets out.
 */
public final class AuditTrail {
    private final AuditLog log;
    private final IdGenerator ids;
    private final Clock clock;

    public AuditTrail(AuditLog log, IdGenerator ids, Clock clock) {
        this.log = log;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @param action what happened, e.g. {@code database.create}
     * @param team   the team the resource belongs to (whose admins may read the entry); null for platform ones
     */
    public void record(
            Caller caller,
            String action,
            String resourceType,
            String resourceId,
            TeamSlug team,
            Map<String, Object> before,
            Map<String, Object> after) {
        Principal actor = caller.principal();
        log.append(new AuditEvent(
                ids.newId(),
                clock.instant(),
                actor.keyId(),
                actor.team(),
                action,
                resourceType,
                resourceId,
                team,
                caller.requestId(),
                caller.clientAddress(),
                before,
                after));
    }

    /** An entry for something DAAP did by itself, such as issuing the first admin key at start-up. */
    public void recordBySystem(String action, String resourceType, String resourceId, Map<String, Object> after) {
        recordWithoutKey(ActorKind.DAAP, action, resourceType, resourceId, after);
    }

    /** An entry for what an operator did at DAAP's command line, which acts on the database without an API key. */
    public void recordByCommandLine(String action, String resourceType, String resourceId, Map<String, Object> after) {
        recordWithoutKey(ActorKind.CLI, action, resourceType, resourceId, after);
    }

    private void recordWithoutKey(
            ActorKind actor, String action, String resourceType, String resourceId, Map<String, Object> after) {
        log.append(new AuditEvent(
                ids.newId(),
                clock.instant(),
                null,
                null,
                actor,
                action,
                resourceType,
                resourceId,
                null,
                "",
                "",
                Map.of(),
                after));
    }
}
