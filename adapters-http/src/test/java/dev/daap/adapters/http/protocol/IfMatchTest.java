package dev.daap.adapters.http.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.adapters.http.problem.ProblemType;
import java.util.List;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void anAbsentHeaderMatchesAnyVersionAndNamesNone() {
        IfMatch absent = IfMatch.parse(List.of());

        assertThat(absent.hasTags()).isFalse();
        assertThat(absent.matches(7)).isTrue();
    }

    @Test
    void aStarMatchesAnyVersionAndNamesNone() {
        IfMatch any = IfMatch.parse(List.of(" * "));

        assertThat(any.hasTags()).isFalse();
        assertThat(any.matches(7)).isTrue();
    }

    @Test
    void aListMatchesWhenOneStrongTagIsTheVersion() {
        IfMatch list = IfMatch.parse(List.of("\"1\", \"7\""));

        assertThat(list.hasTags()).isTrue();
        assertThat(list.matches(7)).isTrue();
        assertThat(list.matches(1)).isTrue();
        assertThat(list.matches(2)).isFalse();
    }

    @Test
    void severalFieldLinesFormOneList() {
        assertThat(IfMatch.parse(List.of("\"1\"", "\"9\"")).matches(9)).isTrue();
    }

    @Test
    void weakTagsNeverMatch() {
        IfMatch weak = IfMatch.parse(List.of("W/\"7\""));

        assertThat(weak.hasTags()).isTrue();
        assertThat(weak.matches(7)).isFalse();
    }

    @Test
    void tagsThatAreNotVersionsParseButNeverMatch() {
        IfMatch odd = IfMatch.parse(List.of("\"a,b\", ,\"xyz\""));

        assertThat(odd.matches(1)).isFalse();
    }

    @Test
    void brokenHeadersAreMalformedRequests() {
        for (String broken : List.of("7", "\"7", "\"7\" \"8\"", "*, \"7\"", "W/7", "\"a b\"", "", " , ")) {
            assertThatThrownBy(() -> IfMatch.parse(List.of(broken)))
                    .as("If-Match: %s", broken)
                    .isInstanceOfSatisfying(
                            HttpProblemException.class,
                            e -> assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_REQUEST));
        }
    }
}
