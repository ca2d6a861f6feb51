package dev.daap.application.cluster;

import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.provisioning.AdminCheck;
import dev.daap.domain.provisioning.Provisioners;
import dev.daap.domain.provisioning.ProvisioningException;

/**
 * DAAP connects with an admin URL before it keeps it: one that does not connect, or whose role may not create roles
 * and databases, is refused as invalid input, saying why in the provisioner's words (which never hold the URL's user
 * or password).
 */
final class AdminUrlCheck {
    private AdminUrlCheck() {}

    static AdminCheck require(Provisioners provisioners, ClusterTarget target) {
        try {
            return provisioners.forCluster(target).checkAdmin();
        } catch (ProvisioningException e) {
            throw InvalidInputException.of("admin_url", "DAAP cannot use it: " + e.getMessage());
        }
    }
}
