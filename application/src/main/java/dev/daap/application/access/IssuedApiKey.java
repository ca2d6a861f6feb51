package dev.daap.application.access;

import dev.daap.domain.access.ApiKey;

/** A key just created, with its token: the only moment the token exists outside its owner's hands. */
public record IssuedApiKey(ApiKey key, String token) {
    @Override
    public String toString() {
        return "IssuedApiKey[" + key.prefix() + "]"; // never the token, should this end up in a log
    }
}
