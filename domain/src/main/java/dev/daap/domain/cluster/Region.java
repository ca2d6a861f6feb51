package dev.daap.domain.cluster;

import java.util.regex.Pattern;

/** Where a cluster runs, in the platform's own words: {@code eu-west-1}, {@code onprem-fra}. */
public record Region(String value) {
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public Region {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1-63 lowercase letters, digits and hyphens, starting and "
                    + "ending with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
