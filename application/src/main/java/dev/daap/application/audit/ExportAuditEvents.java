package dev.daap.application.audit;

import dev.daap.domain.access.Principal;
import dev.daap.domain.audit.AuditEvent;
import dev.daap.domain.audit.AuditQuery;
import dev.daap.domain.common.Page;
import java.util.function.Consumer;

/**
 * Every audit entry that matches a query's filters, newest first, handed to {@code sink} page by page: each page is
 * what {@link ListAuditEvents} answers, so who sees what is decided there, and memory holds one page at a time.
 * Entries written after the export began are newer than its first page, so they are not in it.
 */
public final class ExportAuditEvents {
    private final ListAuditEvents list;

    public ExportAuditEvents(ListAuditEvents list) {
        this.list = list;
    }

    public void execute(Principal principal, AuditQuery query, Consumer<AuditEvent> sink) {
        AuditQuery page = query.fromNewest(AuditQuery.MAX_PAGE_SIZE);
        while (true) {
            Page<AuditEvent> entries = list.execute(principal, page);
            entries.items().forEach(sink);
            if (entries.next().isEmpty()) {
                return;
            }
            page = page.withBefore(AuditQuery.positionOf(entries.next().get()));
        }
    }
}
