package dev.daap.domain.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.common.PageToken;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DatabaseCursorTest {
    private final DatabaseId id = new DatabaseId(UUID.fromString("0192f4a4-7c1e-7b3a-9f2d-3c4e5a6b7c8d"));

    @Test
    void survivesTheRoundTripThroughAToken() {
        var byName = new DatabaseCursor(DatabaseSort.NAME_DESC, "orders", id);
        var byTime = new DatabaseCursor(
                DatabaseSort.CREATED_AT, Instant.parse("2026-11-25T10:00:00.5Z").toString(), id);

        assertThat(DatabaseCursor.fromToken(byName.toToken(), DatabaseSort.NAME_DESC, ""))
                .isEqualTo(byName);
        assertThat(DatabaseCursor.fromToken(byTime.toToken(), DatabaseSort.CREATED_AT, ""))
                .isEqualTo(byTime);
        assertThat(byName.toToken().value()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aTokenOfAnotherSortOrderIsRefused() {
        var token = new DatabaseCursor(DatabaseSort.NAME, "orders", id).toToken();

        assertThatThrownBy(() -> DatabaseCursor.fromToken(token, DatabaseSort.CREATED_AT, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another sort order");
    }

    @Test
    void aTokenOfOtherFiltersIsRefused() {
        var token = new DatabaseCursor(DatabaseSort.NAME, "orders", id, "filters-a").toToken();

        assertThat(DatabaseCursor.fromToken(token, DatabaseSort.NAME, "filters-a")
                        .id())
                .isEqualTo(id);
        assertThatThrownBy(() -> DatabaseCursor.fromToken(token, DatabaseSort.NAME, "filters-b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other filters");
    }

    @Test
    void aRankSurvivesTheRoundTripExactly() {
        float rank = 0.0607927f;
        var token = new DatabaseCursor(DatabaseSort.RELEVANCE, Float.toString(rank), id, "f").toToken();

        assertThat(DatabaseCursor.fromToken(token, DatabaseSort.RELEVANCE, "f").rankKey())
                .isEqualTo(rank);
    }

    @Test
    void forgedOrDamagedTokensAreRefused() {
        for (String forged : new String[] {
            "garbage",
            "!!!",
            PageToken.encode(java.util.List.of("name", "x")).value(),
            PageToken.encode(java.util.List.of("name", "NOT A NAME", id.toString(), ""))
                    .value(),
            PageToken.encode(java.util.List.of("created_at", "yesterday", id.toString(), ""))
                    .value(),
            PageToken.encode(java.util.List.of("name", "orders", "not-a-uuid", ""))
                    .value(),
            PageToken.encode(java.util.List.of("relevance", "high", id.toString(), ""))
                    .value(),
            PageToken.encode(java.util.List.of("name", "orders", id.toString())).value()
        }) {
            assertThatThrownBy(() -> DatabaseCursor.fromToken(
                            new PageToken(forged),
                            forged.startsWith("Y3") ? DatabaseSort.CREATED_AT : DatabaseSort.NAME,
                            ""))
                    .as(forged)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
