package dev.daap.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The version and commit this jar was built from, written into it by the build (bootstrap/pom.xml): the commit
 * given to a build without git (the image's), else git's own answer, else {@code unknown}.
 */
record BuildInfo(String version, String commit) {
    static final String UNKNOWN = "unknown";
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

    static BuildInfo ofThisJar() {
        Properties build = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/daap-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            return new BuildInfo(UNKNOWN, UNKNOWN);
        }
        String given = build.getProperty("commit", "").strip();
        return new BuildInfo(
                valueOr(build.getProperty("version", "")),
                COMMIT.matcher(given).matches() || given.equals(UNKNOWN) ? given : commitFromGit());
    }

    /** What `git rev-parse HEAD` printed during the build: a commit id, or git's complaint that there was none. */
    private static String commitFromGit() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/daap-git-commit")) {
            String printed = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            return COMMIT.matcher(printed).matches() ? printed : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    private static String valueOr(String value) {
        return value.isBlank() || value.startsWith("${") ? UNKNOWN : value.strip();
    }
}
