package dev.daap.embedded;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

/**
 * Who the PostgreSQL processes run as. PostgreSQL refuses to run as root; when DAAP itself runs as root on Linux (a
 * container, a CI machine) the server runs as an unprivileged user instead, through util-linux's setpriv. On
 * Windows there is no root to avoid: pg_ctl and initdb drop an administrator's rights by themselves.
 */
record ServerUser(String name, List<String> commandPrefix) {
    static final String DEFAULT_UNPRIVILEGED = "nobody";

    static ServerUser current() {
        return new ServerUser(System.getProperty("user.name"), List.of());
    }

    /** The current user, or {@code unprivileged} when the current user is root. */
    static ServerUser forServer(PostgresPlatform platform, String unprivileged) {
        if (platform.isWindows() || !isRoot()) {
            return current();
        }
        if (!platform.isLinux()) {
            throw new EmbeddedPostgresException("PostgreSQL refuses to run as root, and outside Linux DAAP cannot "
                    + "start it as another user: run DAAP as an ordinary user, or set DATABASE_URL");
        }
        String uid = Processes.output(List.of("id", "-u", unprivileged));
        String gid = Processes.output(List.of("id", "-g", unprivileged));
        return new ServerUser(
                unprivileged, List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
    }

    boolean switchesUser() {
        return !commandPrefix.isEmpty();
    }

    /** Makes the server's user the owner of {@code root} and everything in it. */
    void takeOwnership(Path root) throws IOException {
        if (!switchesUser()) {
            return;
        }
        UserPrincipal owner =
                root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.setOwner(dir, owner);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.setOwner(file, owner);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isRoot() {
        return "0".equals(Processes.output(List.of("id", "-u")));
    }
}
