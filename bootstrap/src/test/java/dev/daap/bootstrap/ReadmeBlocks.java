package dev.daap.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ```bash} blocks of a Markdown file, in order. A block whose first line is {@code # Not run by the
 * README test: <why>} is shown to readers but not run. A shell block under another name ({@code sh},
 * {@code shell}, {@code console}) is refused, so no block escapes the test by its fence.
 */
final class ReadmeBlocks {
    static final String NOT_RUN = "# Not run by the README test:";
    private static final Pattern FENCE = Pattern.compile("^ {0,3}```\\s*(\\S*).*$");
    private static final Set<String> OTHER_SHELLS = Set.of("sh", "shell", "console", "zsh", "shell-session");

    /** One block: {@code firstLine} is the 1-based line of its first command line (after the fence). */
    record Block(int firstLine, List<String> lines) {
        boolean runs() {
            return lines.isEmpty() || !lines.getFirst().startsWith(NOT_RUN);
        }

        String notRunReason() {
            return runs() ? null : lines.getFirst().substring(NOT_RUN.length()).strip();
        }

        int lastLine() {
            return firstLine + lines.size() - 1;
        }
    }

    private ReadmeBlocks() {}

    static List<Block> bashBlocks(List<String> markdown) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < markdown.size(); i++) {
            Matcher fence = FENCE.matcher(markdown.get(i));
            if (!fence.matches()) {
                continue;
            }
            String language = fence.group(1);
            int close = closingFence(markdown, i);
            if (OTHER_SHELLS.contains(language)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": a ```" + language + " block; write shell "
                        + "commands in a ```bash block, which the README test runs (or marks as not run)");
            }
            if (language.equals("bash")) {
                Block block = new Block(i + 2, List.copyOf(markdown.subList(i + 1, close)));
                if (!block.runs() && block.notRunReason().isEmpty()) {
                    throw new IllegalArgumentException("line " + (i + 2) + ": say why the block is not run");
                }
                blocks.add(block);
            }
            i = close;
        }
        return blocks;
    }

    /**
     * The blocks that run, as one bash script in which every command keeps its README line number (everything
     * else is blank), so an error's line number is the README's.
     */
    static String script(List<String> markdown, List<Block> blocks) {
        List<String> script = new ArrayList<>(markdown.stream().map(line -> "").toList());
        for (Block block : blocks) {
            if (block.runs()) {
                for (int i = 0; i < block.lines().size(); i++) {
                    script.set(block.firstLine() - 1 + i, block.lines().get(i));
                }
            }
        }
        return String.join("\n", script) + "\n";
    }

    private static int closingFence(List<String> markdown, int opening) {
        for (int i = opening + 1; i < markdown.size(); i++) {
            if (markdown.get(i).strip().equals("```")) {
                return i;
            }
        }
        throw new IllegalArgumentException("line " + (opening + 1) + ": a code block that is never closed");
    }
}
