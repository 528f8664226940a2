package sectar.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void logModePrintsFirstPeriodicAndLastLinesWithEta() {
        AtomicLong now = new AtomicLong(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress("waypoint ppo", 10, new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                Duration.ofSeconds(30), now::get);
        for (int it = 1; it <= 10; it++) {
            now.set(it * 10 * SECOND); // 10 s per iteration
            p.update(it, it * 380L, it * 0.1);
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        // iteration 1 (first), 4 (30 s after), 7, 10 (last)
        assertEquals(4, lines.length, String.join("\n", lines));
        assertEquals("waypoint ppo 1/10 | env steps 380 | return 0.100 | 0:00:10 elapsed, ETA 0:01:30", lines[0]);
        assertTrue(lines[3].startsWith("waypoint ppo 10/10 | env steps 3,800"), lines[3]);
        assertTrue(lines[3].endsWith("0:01:40 elapsed, ETA 0:00:00"), lines[3]);
    }

    @Test
    void ttyModeRedrawsABar() {
        AtomicLong now = new AtomicLong(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress("x", 4, new PrintStream(bytes, true, StandardCharsets.UTF_8), true, Duration.ZERO, now::get);
        now.set(SECOND);
        p.update(1, 5, -1);
        now.set(4 * SECOND);
        p.update(4, 20, 2);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\rx [######..................] 1/4"), out);
        assertTrue(out.contains("\rx [########################] 4/4") && out.endsWith("\n"), out);
    }
}
