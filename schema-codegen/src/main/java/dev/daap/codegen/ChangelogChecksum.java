package dev.daap.codegen;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A SHA-256 over every changelog file (names and contents), read from a folder or a jar on the class path. */
final class ChangelogChecksum {
    private ChangelogChecksum() {}

    static String of(ClassLoader loader, String folder) throws IOException, URISyntaxException {
        var url = loader.getResource(folder);
        if (url == null) {
            throw new IOException("no changelog folder " + folder + " on the class path");
        }
        URI uri = url.toURI();
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return digest(jar.getPath(folder));
            }
        }
        return digest(Path.of(uri));
    }

    private static String digest(Path root) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            sha256.update(root.relativize(file).toString().getBytes());
            sha256.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
