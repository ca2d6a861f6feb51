package dev.daap.domain.common;

import java.util.List;
import java.util.Optional;

/** One page of a keyset-paginated list; {@code next} is absent on the last page. */
public record Page<T>(List<T> items, Optional<PageToken> next) {
    public Page {
        items = List.copyOf(items);
        next = next == null ? Optional.empty() : next;
    }
}
