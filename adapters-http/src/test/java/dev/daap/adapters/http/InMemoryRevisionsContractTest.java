package dev.daap.adapters.http;

import dev.daap.domain.revision.Revisions;
import dev.daap.testing.InMemoryRevisions;
import dev.daap.testing.RevisionsContract;

/** The fake behind the HTTP tests keeps the same rules as the PostgreSQL store. */
class InMemoryRevisionsContractTest extends RevisionsContract {
    private final InMemoryRevisions revisions = new InMemoryRevisions();

    @Override
    protected Revisions revisions() {
        return revisions;
    }
}
