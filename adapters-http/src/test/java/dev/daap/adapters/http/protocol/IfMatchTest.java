package dev.daap.adapters.http.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.adapters.http.problem.ProblemType;
import dev.daap.domain.common.VersionPrecondition;
import java.util.List;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void anAbsentHeaderMatchesAnyVersionAndNamesNone() {
        VersionPrecondition absent = IfMatch.parse(List.of());

        assertThat(absent).isEqualTo(VersionPrecondition.ANY);
        assertThat(absent.namesVersions()).isFalse();
        assertThat(absent.allows(7)).isTrue();
    }

    @Test
    void aStarMatchesAnyVersionAndNamesNone() {
        VersionPrecondition any = IfMatch.parse(List.of(" * "));

        assertThat(any.namesVersions()).isFalse();
        assertThat(any.allows(7)).isTrue();
    }

    @Test
    void aListMatchesWhenOneStrongTagIsTheVersion() {
        VersionPrecondition list = IfMatch.parse(List.of("\"1\", \"7\""));

        assertThat(list).isEqualTo(VersionPrecondition.oneOf(List.of(1L, 7L)));
        assertThat(list.namesVersions()).isTrue();
        assertThat(list.allows(7)).isTrue();
        assertThat(list.allows(1)).isTrue();
        assertThat(list.allows(2)).isFalse();
    }

    @Test
    void severalFieldLinesFormOneList() {
        assertThat(IfMatch.parse(List.of("\"1\"", "\"9\"")).allows(9)).isTrue();
    }

    @Test
    void weakTagsNeverMatch() {
        VersionPrecondition weak = IfMatch.parse(List.of("W/\"7\""));

        assertThat(weak.namesVersions()).isTrue();
        assertThat(weak.allows(7)).isFalse();
    }

    @Test
    void tagsThatAreNotVersionsParseButNeverMatch() {
        VersionPrecondition odd = IfMatch.parse(List.of("\"a,b\", ,\"xyz\", \"01\", \"0\", \"99999999999999999999\""));

        assertThat(odd.namesVersions()).isTrue();
        assertThat(odd.allows(1)).isFalse();
        assertThat(odd.allows(0)).isFalse();
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
