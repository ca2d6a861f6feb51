package dev.daap.domain.audit;

import java.util.Locale;

/** Who made an audit entry's change: an API key, DAAP itself, or an operator at DAAP's command line. */
public enum ActorKind {
    /** A request authenticated by an API key; the entry names the key. */
    API_KEY,
    /** DAAP on its own, such as the first platform admin key generated at start-up. */
    DAAP,
    /** An operator with access to DAAP's database, through {@code daap admin create-key}. */
    CLI;

    /** As stored and shown: {@code api_key}, {@code daap}, {@code cli}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActorKind fromWireName(String name) {
        for (ActorKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown actor kind '" + name + "'");
    }
}
