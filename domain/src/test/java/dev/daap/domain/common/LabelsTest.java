package dev.daap.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Labels and their merge patch (RFC 7396): a value sets a key, null removes it, the rest stays. */
class LabelsTest {
    private final Labels current = new Labels(Map.of("env", "dev", "tier", "gold", "team", "core"));

    @Test
    void aPatchSetsRemovesAndLeavesKeys() {
        Map<String, String> changes = new HashMap<>();
        changes.put("env", "prod");
        changes.put("tier", null);
        changes.put("region", "eu");
        changes.put("never-there", null);

        Labels merged = current.merge(LabelPatch.of(changes));

        assertThat(merged.values())
                .containsExactly(Map.entry("env", "prod"), Map.entry("region", "eu"), Map.entry("team", "core"));
    }

    @Test
    void anEmptyPatchChangesNothingAndRemoveAllLeavesNone() {
        assertThat(current.merge(LabelPatch.of(Map.of()))).isEqualTo(current);
        assertThat(current.merge(LabelPatch.REMOVE_ALL)).isEqualTo(Labels.NONE);
    }

    @Test
    void aPatchRefusesWhatLabelsRefuseButNotTheKeysItRemoves() {
        assertThatThrownBy(() -> LabelPatch.of(Map.of("Bad Key", "x"))).hasMessageContaining("key 'Bad Key'");
        assertThatThrownBy(() -> LabelPatch.of(Map.of("k", "v".repeat(257)))).hasMessageContaining("at most 256");
        Map<String, String> removeOdd = new HashMap<>();
        removeOdd.put("Bad Key", null);
        assertThat(current.merge(LabelPatch.of(removeOdd))).isEqualTo(current);
    }

    @Test
    void aMergeBeyondTheLimitIsRefused() {
        Map<String, String> full = new HashMap<>();
        for (int i = 0; i < Labels.MAX_ENTRIES; i++) {
            full.put("key-" + i, "v");
        }
        Labels atTheLimit = new Labels(full);

        assertThatThrownBy(() -> atTheLimit.merge(LabelPatch.of(Map.of("one-more", "v"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + Labels.MAX_ENTRIES + " entries");
        assertThat(atTheLimit.merge(LabelPatch.of(Map.of("key-0", "w"))).values())
                .hasSize(Labels.MAX_ENTRIES)
                .containsEntry("key-0", "w");
    }
}
