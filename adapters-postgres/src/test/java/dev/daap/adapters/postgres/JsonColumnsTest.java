package dev.daap.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSONB codec on its own, and once through PostgreSQL, whose jsonb reorders keys and rewrites numbers. */
class JsonColumnsTest {
    private static final String TRICKY = "quote \" backslash \\ slash / newline \n tab \t bell \u0007 "
            + "accents é ß, line separator \u2028, CJK 漢字, emoji 😀";

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Test
    void anObjectRoundTripsWithItsKeyOrderAndJsonTypes() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", "last first");
        nested.put("a", List.of(1L, "two", false));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("zeta", "text");
        values.put("alpha", 42L);
        values.put("ratio", 0.25);
        values.put("ready", true);
        values.put("none", null);
        values.put("nested", nested);

        Map<String, Object> read = JsonColumns.objectMap(JsonColumns.toJsonb(values), "a payload");

        assertThat(read).isEqualTo(values);
        assertThat(read.keySet()).containsExactly("zeta", "alpha", "ratio", "ready", "none", "nested");
        assertThat(read.get("nested"))
                .isInstanceOfSatisfying(
                        Map.class,
                        map -> assertThat(new ArrayList<Object>(map.keySet())).containsExactly("z", "a"));
    }

    @Test
    void wholeNumbersReadAsLongAndOthersAsDouble() {
        Map<String, Object> read = JsonColumns.objectMap(
                JSONB.valueOf(
                        "{\"small\": 7, \"int\": 5432, \"long\": 9007199254740993, \"negative\": -3, \"half\": 0.5,"
                                + " \"tiny\": 1.5e-7, \"list\": [1, 2.0]}"),
                "a snapshot");

        assertThat(read)
                .containsEntry("small", 7L)
                .containsEntry("int", 5432L)
                .containsEntry("long", 9_007_199_254_740_993L)
                .containsEntry("negative", -3L)
                .containsEntry("half", 0.5)
                .containsEntry("tiny", 1.5e-7)
                .containsEntry("list", List.of(1L, 2.0));
    }

    @Test
    void integersAndFloatsAreWrittenAsJsonNumbers() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("int", 5432);
        values.put("short", (short) 7);
        values.put("float", 0.5f);

        assertThat(JsonColumns.objectMap(JsonColumns.toJsonb(values), "a snapshot"))
                .isEqualTo(Map.of("int", 5432L, "short", 7L, "float", 0.5));
    }

    @Test
    void escapesAndUnicodeRoundTrip() {
        Map<String, String> values = Map.of("key with \"quotes\" and é", TRICKY);

        assertThat(JsonColumns.stringMap(JsonColumns.toJsonb(values), "labels")).isEqualTo(values);
    }

    @Test
    void whatPostgresqlStoresReadsBackTheSame() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", TRICKY);
        values.put("count", 3L);
        values.put("ratio", 0.1);
        values.put("list", List.of(-1L, 2.5));
        JSONB stored = transaction
                .dsl()
                .select(DSL.val(JsonColumns.toJsonb(values)))
                .fetchSingle()
                .value1();

        assertThat(JsonColumns.objectMap(stored, "a payload")).isEqualTo(values);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"text\"", "42", "null", "{\"a\": 1", "{} {}", "not json"})
    void somethingThatIsNotAnObjectIsRefusedNamingWhatWasStored(String stored) {
        assertThatThrownBy(() -> JsonColumns.objectMap(JSONB.valueOf(stored), "an event payload"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("an event payload must be a JSON object")
                .hasMessageEndingWith(stored);
        assertThatThrownBy(() -> JsonColumns.stringMap(JSONB.valueOf(stored), "labels"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("labels must be a JSON object")
                .hasMessageEndingWith(stored);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\": 1}",
                "{\"a\": \"b\", \"c\": null}",
                "{\"a\": true}",
                "{\"a\": {\"b\": \"c\"}}",
                "{\"a\": [\"b\"]}"
            })
    void aValueThatIsNotAStringIsRefusedInAMapOfStrings(String stored) {
        assertThatThrownBy(() -> JsonColumns.stringMap(JSONB.valueOf(stored), "headers"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("headers must be a JSON object of strings, but the database holds: " + stored);
    }

    @Test
    void aValueJacksonCannotWriteIsRefused() {
        assertThatThrownBy(() -> JsonColumns.toJsonb(Map.of("at", Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
