package dev.daap.domain.cluster;

/** Why placement passed a cluster over; the wire name is what a {@code no-capacity} problem says. */
public enum PassOverReason {
    CORDONED("cordoned", "cordoned: it takes no new databases"),
    DOWN("down", "not up: it did not answer its last health checks, or has not been checked yet"),
    REGION("region", "in another region"),
    LABELS("labels", "does not have every label asked for"),
    FULL("full", "full: it holds max_databases databases"),
    FULL_STORAGE("full", "full: its databases use max_storage_bytes"),
    /** It had room when placement read it, and none when the create came to take it: others were faster. */
    TAKEN("full", "full: the last places were taken by creates at the same time");

    private final String wireName;
    private final String description;

    PassOverReason(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }
}
