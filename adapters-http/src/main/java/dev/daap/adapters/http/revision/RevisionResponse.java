package dev.daap.adapters.http.revision;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.daap.domain.common.Page;
import dev.daap.domain.common.PageToken;
import dev.daap.domain.revision.Revision;
import dev.daap.domain.revision.RevisionActor;
import dev.daap.domain.revision.SettingChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A revision as {@code GET /v1/databases/{id}/revisions} lists it; {@code settings}, the whole state at that
 * version, only when one revision is read ({@code …/revisions/{version}}), left out of list items.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record RevisionResponse(
        long version, Instant changedAt, Actor actor, List<Change> changes, Map<String, Object> settings) {

    /** Who changed it, as the audit log names actors: {@code api_key} (with {@code key_id}, {@code team}) or {@code daap}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Actor(String type, String keyId, String team) {
        static Actor from(RevisionActor actor) {
            return new Actor(
                    actor.kind().wireName(),
                    actor.keyId() == null ? null : actor.keyId().toString(),
                    actor.team() == null ? null : actor.team().value());
        }
    }

    /** One setting before and after; null where it had or has no value (every {@code before} of the first). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(String field, Object before, Object after) {
        static Change from(SettingChange change) {
            return new Change(change.field(), change.before(), change.after());
        }
    }

    /** A list item: without the settings. */
    public static RevisionResponse item(Revision revision) {
        return new RevisionResponse(
                revision.version(),
                revision.changedAt(),
                Actor.from(revision.actor()),
                revision.changes().stream().map(Change::from).toList(),
                null);
    }

    /** One revision, with every setting at its version. */
    public static RevisionResponse whole(Revision revision) {
        return new RevisionResponse(
                revision.version(),
                revision.changedAt(),
                Actor.from(revision.actor()),
                revision.changes().stream().map(Change::from).toList(),
                revision.settings());
    }

    /** One page, newest first; {@code next_page_token} is null on the last page. */
    public record PageResponse(List<RevisionResponse> items, String nextPageToken) {
        public static PageResponse from(Page<Revision> page) {
            return new PageResponse(
                    page.items().stream().map(RevisionResponse::item).toList(),
                    page.next().map(PageToken::value).orElse(null));
        }
    }
}
