package dev.daap.adapters.http.export;

import java.util.Locale;
import java.util.Optional;

/** The formats a list can be exported in: every matching row, streamed, instead of a page of JSON. */
public enum ExportFormat {
    CSV("text/csv"),
    NDJSON("application/x-ndjson");

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The export an {@code Accept} header asks for: its first media type, when that is one of these; anything else
     * (none, {@code application/json}, {@code *}{@code /*}) gets the JSON page.
     */
    public static Optional<ExportFormat> requested(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.empty();
        }
        String first = accept.split(",")[0].split(";")[0].strip().toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (format.mediaType.equals(first)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
