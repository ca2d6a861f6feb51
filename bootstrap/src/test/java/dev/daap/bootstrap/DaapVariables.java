package dev.daap.bootstrap;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment variables DAAP reads, found by asking {@link DaapConfig} itself: it reads its environment through a
 * map that writes down every name it is asked for. A variable added to DaapConfig is known here at once; one that a
 * deployment file sets but DAAP never reads (a typo, a renamed variable) is caught by the tests that use this.
 */
public final class DaapVariables {
    private DaapVariables() {}

    public static Set<String> read() {
        var recording = new RecordingEnvironment();
        DaapConfig.fromEnvironment(recording);
        return Set.copyOf(recording.asked);
    }

    /** The configuration DAAP would run with in this environment; throws as start-up would. */
    public static DaapConfig configOf(Map<String, String> environment) {
        return DaapConfig.fromEnvironment(environment);
    }

    private static final class RecordingEnvironment extends HashMap<String, String> {
        private final Set<String> asked = new TreeSet<>();

        @Override
        public String get(Object key) {
            asked.add((String) key);
            return super.get(key);
        }
    }
}
