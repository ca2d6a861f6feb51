package dev.daap.application.audit;

import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.audit.AuditEvent;
import dev.daap.domain.audit.AuditLog;
import dev.daap.domain.audit.AuditQuery;
import dev.daap.domain.common.Page;
import dev.daap.domain.error.AccessDeniedException;

/** The audit log, newest first: a team admin reads its team's entries, a platform admin every entry. */
public final class ListAuditEvents {
    private final AuditLog log;

    public ListAuditEvents(AuditLog log) {
        this.log = log;
    }

    public Page<AuditEvent> execute(Principal principal, AuditQuery query) {
        if (principal.isPlatformAdmin()) {
            return log.list(query);
        }
        if (!principal.role().includes(Role.ADMIN)) {
            throw new AccessDeniedException("reading the audit log needs the admin role; this API key has "
                    + principal.role().wireName());
        }
        if (query.team().isPresent() && !query.team().get().equals(principal.team())) {
            return new Page<>(java.util.List.of(), java.util.Optional.empty());
        }
        return log.list(query.withTeam(principal.team()));
    }
}
