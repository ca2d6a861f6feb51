package dev.daap.adapters.http.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.adapters.http.protocol.JsonCodec;
import io.javalin.http.Context;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Streams rows to the client as they come, one record at a time: NDJSON (a JSON object per line, as the JSON list
 * has them) or CSV (RFC 4180: a header line, CRLF line ends, a field quoted when it holds a comma, a quote or a line
 * break, quotes doubled; nested objects such as labels as their JSON text, absent values as empty fields). Nothing
 * but the writer's buffer is held, whatever the number of rows.
 */
public final class ExportWriter implements AutoCloseable {
    private static final byte[] CRLF = {'\r', '\n'};
    private final ExportFormat format;
    private final List<String> columns;
    private final JsonCodec json;
    private final OutputStream out;

    /**
     * Starts the answer: status 200 and the format's media type.
     *
     * @param columns the CSV columns, in order: the members of each row's JSON
     */
    public ExportWriter(Context ctx, ExportFormat format, List<String> columns, JsonCodec json, String fileName) {
        this.format = format;
        this.columns = List.copyOf(columns);
        this.json = json;
        ctx.status(200)
                .contentType(
                        format == ExportFormat.CSV
                                ? format.mediaType() + "; charset=utf-8; header=present"
                                : format.mediaType() + "; charset=utf-8");
        ctx.header(
                "Content-Disposition",
                "attachment; filename=\"" + fileName + "." + (format == ExportFormat.CSV ? "csv" : "ndjson") + "\"");
        this.out = new BufferedOutputStream(ctx.outputStream(), 64 * 1024);
        if (format == ExportFormat.CSV) {
            line(String.join(",", columns));
        }
    }

    /** Writes one row: the JSON record the list would show for it. */
    public void write(Object row) {
        try {
            if (format == ExportFormat.NDJSON) {
                out.write(json.write(row));
                out.write('\n');
            } else {
                line(csvLine(json.tree(row)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the client stopped reading the export", e);
        }
    }

    private String csvLine(JsonNode row) {
        var line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(Csv.field(text(row.get(columns.get(i)))));
        }
        return line.toString();
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private void line(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.write(CRLF);
        } catch (IOException e) {
            throw new UncheckedIOException("the client stopped reading the export", e);
        }
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the client stopped reading the export", e);
        }
    }

    /** RFC 4180's quoting of one field. */
    static final class Csv {
        private Csv() {}

        static String field(String text) {
            boolean quote = text.indexOf(',') >= 0
                    || text.indexOf('"') >= 0
                    || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0;
            return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
        }
    }
}
