package sectar.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortableArgsTest {
    private final Path work = Path.of("/home/me/sectar");

    @Test
    void absolutePathsInsideTheWorkingDirectoryBecomeRelative() {
        assertEquals(List.of("sectar", "train", "waypoint", "--out", "results/waypoint/sectar/i0-s1", "--instances-file", "mine.json"),
                PortableArgs.relativeTo(work, List.of("sectar", "train", "waypoint", "--out", "/home/me/sectar/results/waypoint/sectar/i0-s1",
                        "--instances-file", "/home/me/sectar/./mine.json")));
        assertEquals(List.of("--out=results/x", "."), PortableArgs.relativeTo(work, List.of("--out=/home/me/sectar/results/x", "/home/me/sectar")));
    }

    @Test
    void everythingElseIsKeptAsGiven() {
        List<String> args = List.of("--out", "/shared/results/x", "/home/me/sectar-old/run", "results/y", "--set", "mpc.horizon=2",
                "--set=wallMinutes=20", "", "two words");
        assertEquals(args, PortableArgs.relativeTo(work, args));
    }
}
