package dev.daap.adapters.backup.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach the S3 store, read from the variables every AWS tool reads: {@code AWS_ENDPOINT_URL_S3} (or
 * {@code AWS_ENDPOINT_URL}) for an S3-compatible server, {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}), and
 * {@code AWS_ACCESS_KEY_ID} with {@code AWS_SECRET_ACCESS_KEY} (and {@code AWS_SESSION_TOKEN}). Without keys, the
 * SDK's default chain finds them (profile files, web identity, container or instance roles).
 *
 * @param endpoint    empty: AWS itself; else an S3-compatible server, addressed path-style ({@code host/bucket/key})
 * @param credentials empty: the SDK's default chain
 */
public record S3Settings(
        S3Location location, Optional<URI> endpoint, String region, Optional<S3Credentials> credentials) {
    public static final String ENDPOINT_S3 = "AWS_ENDPOINT_URL_S3";
    public static final String ENDPOINT = "AWS_ENDPOINT_URL";
    public static final String REGION = "AWS_REGION";
    public static final String DEFAULT_REGION = "AWS_DEFAULT_REGION";
    public static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
    /** Where a region does not matter (most S3-compatible servers) and none is set. */
    static final String FALLBACK_REGION = "us-east-1";

    private static final Pattern REGION_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public S3Settings {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * The settings of {@code location} from {@code env}; throws {@link IllegalArgumentException} with a message that
     * names the variable at fault and shows no secret.
     */
    public static S3Settings fromEnvironment(S3Location location, Map<String, String> env) {
        return new S3Settings(location, endpoint(env), region(env), credentials(env));
    }

    /** Where the store is, for logs and messages: no credentials. */
    public String describe() {
        return location + endpoint.map(uri -> " at " + uri).orElse("") + " (region " + region + ")";
    }

    @Override
    public String toString() {
        return "S3Settings[" + describe() + ", credentials="
                + (credentials.isPresent() ? "***" : "the AWS SDK's default chain") + "]";
    }

    /** Takes the configured keys out of a message; a message from the SDK's default chain has none of ours. */
    public String redact(String message) {
        return credentials.map(keys -> keys.redact(message)).orElse(message);
    }

    private static Optional<URI> endpoint(Map<String, String> env) {
        String name = present(env, ENDPOINT_S3).isPresent() ? ENDPOINT_S3 : ENDPOINT;
        Optional<String> value = present(env, name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        String shown = text.contains("@") ? "a URL with a user or password" : "'" + text + "'";
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(name + " must be an http:// or https:// URL of an S3 endpoint "
                        + "without user, password, query or fragment (e.g. http://minio:9000), not " + shown);
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " must be an http:// or https:// URL of an S3 endpoint "
                    + "(e.g. http://minio:9000), not " + shown);
        }
    }

    private static String region(Map<String, String> env) {
        String name = present(env, REGION).isPresent() ? REGION : DEFAULT_REGION;
        String region = present(env, name).orElse(FALLBACK_REGION);
        if (!REGION_NAME.matcher(region).matches()) {
            throw new IllegalArgumentException(
                    name + " must be a region name such as eu-central-1 (lowercase letters, digits, hyphens), not '"
                            + region + "'");
        }
        return region;
    }

    private static Optional<S3Credentials> credentials(Map<String, String> env) {
        Optional<String> id = present(env, ACCESS_KEY_ID);
        Optional<String> secret = present(env, SECRET_ACCESS_KEY);
        if (id.isPresent() != secret.isPresent()) {
            throw new IllegalArgumentException((id.isPresent() ? ACCESS_KEY_ID : SECRET_ACCESS_KEY) + " is set but "
                    + (id.isPresent() ? SECRET_ACCESS_KEY : ACCESS_KEY_ID) + " is not: set both, or neither to let "
                    + "the AWS SDK find credentials (profile files, web identity, container or instance roles)");
        }
        return id.map(key -> new S3Credentials(key, secret.orElseThrow(), present(env, SESSION_TOKEN)));
    }

    private static Optional<String> present(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
