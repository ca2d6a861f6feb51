package dev.daap.adapters.http.cost;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.daap.adapters.http.export.ExportFormat;
import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.adapters.http.protocol.QueryParameters;
import dev.daap.domain.team.TeamSlug;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /v1/teams/{slug}/costs} and {@code GET /v1/costs}: a month's costs ({@code month=2026-12}, default the
 * current one) as JSON, or with {@code Accept: text/csv} as CSV (RFC 4180, written by Jackson's CSV module: a header
 * line, CRLF, quoting where needed) with the same lines and a last line {@code total} whose amount is the JSON's.
 */
public final class CostHandler {
    private static final List<String> PARAMETERS = List.of("month");
    private static final CsvMapper CSV = csvMapper();

    private final CostUseCases useCases;
    private final JsonCodec json;

    public CostHandler(CostUseCases useCases, JsonCodec json) {
        this.useCases = useCases;
        this.json = json;
    }

    public void ofTeam(Context ctx) {
        TeamSlug team = PathIds.teamSlug(ctx);
        YearMonth month = month(ctx);
        var report = useCases.team().execute(Callers.principalOf(ctx), team, month);
        CostResponse response = CostResponse.ofTeam(team.value(), report, useCases.currency());
        if (wantsCsv(ctx)) {
            List<CostResponse.Line> rows = new java.util.ArrayList<>(response.lines());
            rows.add(new CostResponse.Line("total", null, null, null, null, null, null, response.total(), null));
            csv(ctx, CostResponse.Line.class, rows, "costs-" + team.value() + "-" + month);
        } else {
            json.respond(ctx, 200, response);
        }
    }

    public void ofPlatform(Context ctx) {
        YearMonth month = month(ctx);
        var report = useCases.platform().execute(Callers.principalOf(ctx), month);
        CostResponse response = CostResponse.ofPlatform(report, useCases.currency());
        if (wantsCsv(ctx)) {
            List<CostResponse.TeamLine> rows = new java.util.ArrayList<>(response.teams());
            rows.add(new CostResponse.TeamLine("total", null, response.total()));
            csv(ctx, CostResponse.TeamLine.class, rows, "costs-" + month);
        } else {
            json.respond(ctx, 200, response);
        }
    }

    private YearMonth month(Context ctx) {
        var parameters = QueryParameters.of(ctx.queryParamMap(), PARAMETERS);
        YearMonth month = parameters
                .parsed("month", CostHandler::yearMonth)
                .orElseGet(() -> YearMonth.from(useCases.clock().instant().atZone(java.time.ZoneOffset.UTC)));
        parameters.throwIfInvalid();
        return month;
    }

    private static YearMonth yearMonth(String raw) {
        try {
            if (!raw.matches("[0-9]{4}-[0-9]{2}")) {
                throw new DateTimeParseException("not YYYY-MM", raw, 0);
            }
            return YearMonth.parse(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a month such as 2026-12 (YYYY-MM)");
        }
    }

    private static boolean wantsCsv(Context ctx) {
        return ExportFormat.requested(ctx.header("Accept"))
                .filter(ExportFormat.CSV::equals)
                .isPresent();
    }

    private static <T> void csv(Context ctx, Class<T> type, List<T> rows, String fileName) {
        CsvSchema schema = CSV.schemaFor(type).withHeader().withLineSeparator("\r\n");
        ObjectWriter writer = CSV.writer(schema);
        ctx.status(200).contentType("text/csv; charset=utf-8; header=present");
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"");
        try {
            ctx.result(writer.writeValueAsBytes(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvMapper csvMapper() {
        CsvMapper mapper = CsvMapper.builder()
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        // RFC 4180 quotes a field only where it must; a name cannot hold a comma or quote, but the generator
        // quotes whatever does.
        mapper.getFactory().configure(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING, true);
        return mapper;
    }
}
