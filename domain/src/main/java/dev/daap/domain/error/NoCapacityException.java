package dev.daap.domain.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * No cluster can take the new database. Each candidate names a cluster and why it was passed over, in words for
 * clients: no admin detail, no error text of the cluster.
 */
public final class NoCapacityException extends DomainException {
    private final List<Candidate> candidates;

    public NoCapacityException(List<Candidate> candidates) {
        super(summary(candidates));
        this.candidates = List.copyOf(candidates);
    }

    /**
     * @param reason      the stable reason: {@code cordoned}, {@code down}, {@code region}, {@code labels}, {@code full}
     * @param description the reason in words
     */
    public record Candidate(String cluster, String reason, String description) {}

    public List<Candidate> candidates() {
        return candidates;
    }

    @Override
    public String code() {
        return "no-capacity";
    }

    private static String summary(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return "no cluster can take a new database: none is registered, or none matches the request";
        }
        return "no cluster can take a new database: "
                + candidates.stream()
                        .map(candidate -> candidate.cluster() + " is " + candidate.description())
                        .collect(Collectors.joining("; "));
    }
}
