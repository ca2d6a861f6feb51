package dev.daap.adapters.http.database;

import dev.daap.domain.common.Page;
import dev.daap.domain.common.PageToken;
import dev.daap.domain.database.Database;
import java.util.List;

/** One page of {@code GET /v1/databases}; {@code next_page_token} is null on the last page. */
public record DatabasePageResponse(List<DatabaseResponse> items, String nextPageToken) {

    public static DatabasePageResponse from(Page<Database> page) {
        return new DatabasePageResponse(
                page.items().stream().map(DatabaseResponse::from).toList(),
                page.next().map(PageToken::value).orElse(null));
    }
}
