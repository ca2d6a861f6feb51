package dev.daap.adapters.backup.s3;

import java.util.regex.Pattern;

/**
 * Where backups go in object storage, as {@code DAAP_BACKUP_URL=s3://bucket/prefix} names it: a bucket, and a prefix
 * (maybe empty) under which each backup is one object. Checked here so that a typo stops start-up, not a backup.
 */
public record S3Location(String bucket, String prefix) {
    /** S3's rules for new buckets, which every S3-compatible server accepts too. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private static final Pattern PREFIX_SEGMENT = Pattern.compile("[A-Za-z0-9!_.*'()-]+");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    private static final int MAX_PREFIX = 512;

    public S3Location {
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new IllegalArgumentException("an S3 bucket name is 3 to 63 lowercase letters, digits, dots and "
                    + "hyphens, starting and ending with a letter or digit");
        }
        if (prefix == null) {
            prefix = "";
        }
        if (prefix.length() > MAX_PREFIX) {
            throw new IllegalArgumentException("an S3 prefix is at most " + MAX_PREFIX + " characters");
        }
        if (!prefix.isEmpty()) {
            for (String segment : prefix.split("/", -1)) {
                if (!PREFIX_SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                    throw new IllegalArgumentException("an S3 prefix is names separated by single slashes, each of "
                            + "letters, digits and !_.*'()- (not . or ..)");
                }
            }
        }
    }

    /**
     * {@code s3://bucket} or {@code s3://bucket/some/prefix} (slashes around the prefix are dropped); no user,
     * password, port, query or fragment: credentials come from the AWS variables, never from the URL.
     */
    public static S3Location parse(String url) {
        if (url == null || !url.startsWith("s3://")) {
            throw new IllegalArgumentException("an S3 location is s3://bucket or s3://bucket/prefix");
        }
        String rest = url.substring("s3://".length());
        if (rest.contains("@") || rest.contains("?") || rest.contains("#") || rest.contains(":")) {
            throw new IllegalArgumentException("an S3 location is s3://bucket/prefix, without user, password, port, "
                    + "query or fragment: credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        while (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return new S3Location(bucket, prefix);
    }

    /** The object key of the backup store's key {@code name}: under the prefix. */
    public String objectKey(String name) {
        if (name == null || !KEY.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("a backup key is letters, digits, dots, hyphens and underscores");
        }
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
