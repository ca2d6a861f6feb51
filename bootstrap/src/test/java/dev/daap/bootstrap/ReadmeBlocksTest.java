package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How ReadmeExamplesTest reads the README: which blocks run, which do not and why, and what it refuses. */
class ReadmeBlocksTest {
    private static final List<String> MARKDOWN = List.of(
            "# Title", // 1
            "```bash", // 2
            "# Not run by the README test: it starts the server.", // 3
            "./daap serve", // 4
            "```", // 5
            "Some prose.", // 6
            "```", // 7
            "a diagram, not bash", // 8
            "```", // 9
            "```bash", // 10
            "X=1", // 11
            "curl -s $DAAP/health/live", // 12
            "```"); // 13

    @Test
    void findsEveryBashBlockWithItsFirstLineAndWhetherItRuns() {
        List<ReadmeBlocks.Block> blocks = ReadmeBlocks.bashBlocks(MARKDOWN);

        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).runs()).isFalse();
        assertThat(blocks.get(0).notRunReason()).isEqualTo("it starts the server.");
        assertThat(blocks.get(1).runs()).isTrue();
        assertThat(blocks.get(1).firstLine()).isEqualTo(11);
        assertThat(blocks.get(1).lastLine()).isEqualTo(12);
    }

    @Test
    void theScriptKeepsEveryCommandOnItsReadmeLineAndNothingElse() {
        List<String> script = ReadmeBlocks.script(MARKDOWN, ReadmeBlocks.bashBlocks(MARKDOWN))
                .lines()
                .toList();

        assertThat(script).hasSize(MARKDOWN.size());
        assertThat(script.get(10)).isEqualTo("X=1");
        assertThat(script.get(11)).isEqualTo("curl -s $DAAP/health/live");
        assertThat(script).filteredOn(line -> !line.isEmpty()).hasSize(2);
    }

    @Test
    void aShellBlockUnderAnotherNameOrWithoutAReasonOrNeverClosedIsRefused() {
        assertThatThrownBy(() -> ReadmeBlocks.bashBlocks(List.of("```sh", "ls", "```")))
                .hasMessageContaining("```bash");
        assertThatThrownBy(() -> ReadmeBlocks.bashBlocks(List.of("```bash", ReadmeBlocks.NOT_RUN, "ls", "```")))
                .hasMessageContaining("say why");
        assertThatThrownBy(() -> ReadmeBlocks.bashBlocks(List.of("```bash", "ls")))
                .hasMessageContaining("never closed");
    }
}
