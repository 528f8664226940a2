package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sectar bench tensorboard}: one JSON line per metrics file, its scratch files gone after. */
class BenchTensorboardCliTest {
    @Test
    void measuresEventsBesideTheCsvAgainstTheRunsIterationTime(@TempDir Path tmp) throws Exception {
        Path metrics = tmp.resolve("metrics.csv");
        Files.writeString(metrics, "iteration,env_steps,wall_s,return,vae_kl\n1,100,0.5,0.0,NaN\n2,200,1.5,0.5,2.0\n3,300,2.0,1.0,1.5\n");
        Path scratch = tmp.resolve("scratch");
        CliTest.Result r = CliTest.run("bench", "tensorboard", metrics.toString(), "--scratch", scratch.toString(),
                "--repeats", "3", "--seconds", "0.05");
        assertEquals(0, r.code(), r.err());
        JsonNode line = new ObjectMapper().readTree(r.out().strip());
        assertEquals(5, line.get("columns").asInt());
        assertEquals(3, line.get("rows").asInt());
        assertEquals(0.75, line.get("iteration_s_median").asDouble(), 1e-9, "median of 1.0 and 0.5");
        assertTrue(line.get("events_append_us").asDouble() > 0 && line.get("csv_append_us").asDouble() > 0, r.out());
        assertFalse(Files.exists(scratch), "the scratch files are removed");

        CliTest.assertUserError(CliTest.run("bench", "tensorboard", tmp.resolve("none.csv").toString()), "none.csv");
    }
}
