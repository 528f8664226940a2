package sectar.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The PPO benchmark prints its one JSON line ({@code sectar bench nn} runs it for real).
 */
class PpoBenchTest {
    @Test
    void cpuPresetPrintsOneJsonLine() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        double median = PpoBench.run("cpu", new PrintStream(buf, true, StandardCharsets.UTF_8));
        String line = buf.toString(StandardCharsets.UTF_8).trim();
        assertTrue(line.startsWith("{\"bench\":\"ppo_update\",\"preset\":\"cpu\",\"task\":\"waypoint\",\"unit\":\"ms\",\"median\":"),
                line);
        assertTrue(median > 0 && line.contains(String.format(java.util.Locale.ROOT, "%.2f", median)), line);
        assertThrows(IllegalArgumentException.class, () -> PpoBench.run("gpu", System.out));
    }
}
