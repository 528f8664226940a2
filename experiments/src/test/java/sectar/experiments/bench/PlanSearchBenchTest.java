package sectar.experiments.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CEM / CMA-ES planning-call benchmark prints its two lines ({@code sectar bench nn} runs it at full size). */
class PlanSearchBenchTest {
    @Test
    void tinyShapePrintsCemAndCmaEsAtEqualEvaluations() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        double[] ms = PlanSearchBench.run("cpu", 16, 1, 1, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String[] lines = buf.toString(StandardCharsets.UTF_8).trim().split("\n");
        assertEquals(2, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("{\"bench\":\"plan_search_cem\",\"preset\":\"cpu\",\"task\":\"waypoint\",\"evaluations\":16,"),
                lines[0]);
        assertTrue(lines[1].startsWith("{\"bench\":\"plan_search_cmaes\",\"preset\":\"cpu\",\"task\":\"waypoint\",\"evaluations\":16,"),
                lines[1]);
        assertTrue(lines[1].contains("\"vs_cem\":"), lines[1]);
        assertTrue(ms[0] > 0 && ms[1] > 0);
        assertThrows(IllegalArgumentException.class, () -> PlanSearchBench.run("gpu", System.out));
    }
}
