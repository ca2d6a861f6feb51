package dev.daap.application.access;

import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiKeys;
import dev.daap.domain.access.Principal;
import java.util.List;

/** The platform admin keys, for platform admins. There are few: one page. */
public final class ListPlatformKeys {
    private final ApiKeys keys;

    public ListPlatformKeys(ApiKeys keys) {
        this.keys = keys;
    }

    public List<ApiKey> execute(Principal principal) {
        AccessPolicy.requirePlatformAdmin(principal, "listing the platform admin keys");
        return keys.listPlatformKeys();
    }
}
