package sectar.experiments.run;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command a run records, with every absolute path inside the working directory written relative
 * to it ({@code --out /home/me/sectar/results/x} becomes {@code --out results/x}, also in the
 * {@code --out=/...} form). A campaign hands its children absolute folders, so without this a committed
 * run would name the machine it ran on; relative, the command reads the same in any clone. A path
 * outside the working directory is kept as given: there is nothing it is relative to.
 */
public final class PortableArgs {
    private PortableArgs() {}

    /** {@code args} with the absolute paths under {@code workDir} (itself absolute) made relative to it. */
    public static List<String> relativeTo(Path workDir, List<String> args) {
        Path base = workDir.toAbsolutePath().normalize();
        List<String> out = new ArrayList<>(args.size());
        for (String a : args) {
            int eq = a.startsWith("--") ? a.indexOf('=') : -1;
            out.add(eq < 0 ? relative(base, a) : a.substring(0, eq + 1) + relative(base, a.substring(eq + 1)));
        }
        return out;
    }

    private static String relative(Path base, String arg) {
        Path p;
        try {
            p = Path.of(arg);
        } catch (InvalidPathException notAPath) {
            return arg;
        }
        if (!p.isAbsolute()) return arg;
        Path abs = p.normalize();
        if (abs.equals(base)) return ".";
        return abs.startsWith(base) ? base.relativize(abs).toString() : arg;
    }
}
