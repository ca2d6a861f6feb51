package dev.daap.application.cluster;

import dev.daap.domain.access.Principal;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.Page;
import dev.daap.domain.common.PageToken;
import java.util.List;
import java.util.Optional;

/**
 * The fleet in name order, a page at a time. A fleet is small enough for placement to read it whole on every create,
 * so the page is cut from the whole list here rather than in the store.
 */
public final class ListClusters {
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;
    private static final String TOKEN_KIND = "cluster";
    private final Clusters clusters;

    public ListClusters(Clusters clusters) {
        this.clusters = clusters;
    }

    public Page<ClusterView> execute(Principal principal, Optional<ClusterName> after, int pageSize) {
        List<ClusterView> rest = clusters.list().stream()
                .filter(cluster -> after.map(position -> cluster.name().value().compareTo(position.value()) > 0)
                        .orElse(true))
                .limit(pageSize + 1L)
                .map(cluster -> ClusterView.of(cluster, principal))
                .toList();
        return Page.fromLookahead(rest, pageSize, last -> tokenAfter(last.cluster()));
    }

    static PageToken tokenAfter(Cluster last) {
        return PageToken.forPosition(TOKEN_KIND, last.name().value());
    }

    /** The name a token continues after; throws {@link IllegalArgumentException} for a token that is not ours. */
    public static ClusterName positionOf(PageToken token) {
        return new ClusterName(token.positionIn(TOKEN_KIND, "the cluster list"));
    }
}
