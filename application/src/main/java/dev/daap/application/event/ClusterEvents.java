package dev.daap.application.event;

import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends the events of the fleet, in the caller's open transaction. They belong to no team: only platform admins,
 * whose streams have no team filter, see them. Never the admin URL: the error is the probe's, written without it.
 */
public final class ClusterEvents {
    private final EventLog log;

    public ClusterEvents(EventLog log) {
        this.log = log;
    }

    /** A probe changed the cluster's status (up, down); nothing is appended when the status stayed. */
    public void healthChanged(ClusterId id, ClusterName name, ClusterHealth before, ClusterHealth after) {
        if (before.status() == after.status()) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", name.value());
        payload.put("from", before.status().wireName());
        payload.put("to", after.status().wireName());
        payload.put("consecutive_failures", (long) after.consecutiveFailures());
        payload.put("error", after.error());
        log.append(new NewEvent(after.checkedAt(), EventType.CLUSTER_HEALTH_CHANGED, null, id.value(), payload));
    }
}
