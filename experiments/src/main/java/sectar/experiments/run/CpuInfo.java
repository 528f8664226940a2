package sectar.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The processor a run ran on, for its metadata: the model name and the widest vector extension, since
 * the BLAS kernels (and so the last bits of every float sum) are chosen by it. Two runs of one seed and
 * config agree exactly only on processors with the same kernels.
 */
final class CpuInfo {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    /** Widest first: the first one the processor has is the one reported. */
    private static final List<String> EXTENSIONS = List.of("avx512f", "avx2", "avx", "sse4_2");

    private CpuInfo() {}

    /** For example {@code "AMD EPYC, avx512f"}; {@code "unknown"} where /proc/cpuinfo cannot be read. */
    static String describe() {
        try {
            return describe(Files.readAllLines(CPUINFO));
        } catch (IOException | SecurityException e) {
            return GitState.UNKNOWN;
        }
    }

    /** The description from the lines of a /proc/cpuinfo (the first processor's entries). */
    static String describe(List<String> lines) {
        String model = GitState.UNKNOWN, widest = "none";
        boolean modelSeen = false, flagsSeen = false;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).trim(), value = line.substring(colon + 1).trim();
            if (!modelSeen && key.equals("model name")) {
                model = value;
                modelSeen = true;
            } else if (!flagsSeen && key.equals("flags")) {
                Set<String> flags = new HashSet<>(Arrays.asList(value.split("\\s+")));
                widest = EXTENSIONS.stream().filter(flags::contains).findFirst().orElse("none");
                flagsSeen = true;
            }
        }
        return model + ", " + widest;
    }
}
