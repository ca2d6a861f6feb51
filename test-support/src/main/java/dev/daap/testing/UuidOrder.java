package dev.daap.testing;

import java.util.Comparator;
import java.util.UUID;

/** How PostgreSQL orders uuid values: byte by byte, unsigned. {@link UUID#compareTo} compares signed longs. */
final class UuidOrder {
    static final Comparator<UUID> UNSIGNED = Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private UuidOrder() {}
}
