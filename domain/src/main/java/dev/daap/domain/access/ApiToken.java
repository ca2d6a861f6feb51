package dev.daap.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bearer token as clients send it: {@code daap_<prefix>_<secret>}. The prefix (lowercase letters and digits)
 * finds the key in the store and identifies it in lists and logs; the secret (256 random bits, URL-safe base64)
 * is checked against a SHA-256 hash. A fast hash is right here: a secret of 256 random bits cannot be guessed,
 * so the slow hashes made for human passwords would only slow every request down.
 */
public final class ApiToken {
    public static final String SCHEME_PREFIX = "daap_";
    private static final int PREFIX_LENGTH = 10;
    private static final int SECRET_BYTES = 32;
    private static final int MIN_SECRET_LENGTH = 22; // 128 bits of base64
    private static final Pattern FORMAT = Pattern.compile("daap_([a-z0-9]{4,32})_([A-Za-z0-9_-]{22,256})");
    private static final char[] PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final String prefix;
    private final String value;

    private ApiToken(String prefix, String value) {
        this.prefix = prefix;
        this.value = value;
    }

    /** A new token with a random prefix and a random 256-bit secret. */
    public static ApiToken generate(SecureRandom random) {
        var prefix = new StringBuilder(PREFIX_LENGTH);
        for (int i = 0; i < PREFIX_LENGTH; i++) {
            prefix.append(PREFIX_ALPHABET[random.nextInt(PREFIX_ALPHABET.length)]);
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new ApiToken(prefix.toString(), SCHEME_PREFIX + prefix + "_" + encoded);
    }

    /**
     * Reads a token a client sent; throws {@link IllegalArgumentException} unless it has the shape of one. The
     * secret needs at least {@value #MIN_SECRET_LENGTH} characters (128 bits), so a configured token is strong too.
     */
    public static ApiToken parse(String value) {
        Objects.requireNonNull(value, "value");
        var matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("is not a DAAP API token (daap_<prefix>_<secret>, a secret of at least "
                    + MIN_SECRET_LENGTH + " URL-safe base64 characters)");
        }
        return new ApiToken(matcher.group(1), value);
    }

    public String prefix() {
        return prefix;
    }

    /** The whole token; shown to its owner once, never stored. */
    public String value() {
        return value;
    }

    /** The SHA-256 of the whole token, in lowercase hex: what the store keeps. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Compares with a stored hash in constant time, so response times do not leak how much of it matched. */
    public boolean matches(String storedHash) {
        return MessageDigest.isEqual(
                hash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Never the secret: a token that ends up in a log must not be usable. */
    @Override
    public String toString() {
        return SCHEME_PREFIX + prefix + "_…";
    }
}
