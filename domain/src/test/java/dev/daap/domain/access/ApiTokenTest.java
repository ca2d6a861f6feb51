package dev.daap.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTokenTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void aGeneratedTokenParsesBackToTheSamePrefixAndHash() {
        ApiToken token = ApiToken.generate(random);

        ApiToken parsed = ApiToken.parse(token.value());

        assertThat(token.value()).matches("daap_[a-z0-9]{10}_[A-Za-z0-9_-]{43}");
        assertThat(parsed.prefix()).isEqualTo(token.prefix());
        assertThat(parsed.hash()).isEqualTo(token.hash()).matches("[0-9a-f]{64}");
        assertThat(parsed.matches(token.hash())).isTrue();
    }

    @Test
    void anotherSecretWithTheSamePrefixDoesNotMatch() {
        ApiToken token = ApiToken.generate(random);
        ApiToken forged = ApiToken.parse("daap_" + token.prefix() + "_" + "x".repeat(43));

        assertThat(forged.prefix()).isEqualTo(token.prefix());
        assertThat(forged.matches(token.hash())).isFalse();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(ApiToken.generate(random).value())).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "daap",
                "daap__" + "abcdefghijklmnopqrstuv",
                "daap_ab_abcdefghijklmnopqrstuv",
                "daap_ABCD_abcdefghijklmnopqrstuv",
                "daap_abcd_short",
                "bearer daap_abcd_abcdefghijklmnopqrstuv",
                "daap_abcd_abcdefghijklmnopqrstu v"
            })
    void whatIsNotATokenIsRefused(String value) {
        assertThatThrownBy(() -> ApiToken.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("daap_<prefix>_<secret>");
    }

    @Test
    void itsTextNeverShowsTheSecret() {
        ApiToken token = ApiToken.generate(random);

        assertThat(token.toString()).startsWith("daap_" + token.prefix()).doesNotContain(token.value());
    }

    @Test
    void rolesIncludeTheOnesBelowThem() {
        assertThat(Role.ADMIN.includes(Role.MEMBER)).isTrue();
        assertThat(Role.MEMBER.includes(Role.ADMIN)).isFalse();
        assertThat(Role.PLATFORM_ADMIN.includes(Role.ADMIN)).isTrue();
        assertThatThrownBy(() -> Role.teamRole("platform_admin")).hasMessage("must be one of viewer, member, admin");
    }
}
