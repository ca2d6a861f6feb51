package dev.daap.domain.common;

import java.util.UUID;

/** Makes primary keys. Production uses {@link UuidV7Generator}; tests may pin ids. */
@FunctionalInterface
public interface IdGenerator {
    UUID newId();
}
