package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sectar table --iterations --final --column a,b}: one table per column, the difference column, clear errors. */
class TableCliTest {
    private static void run(Path dir, double... returns) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), "{\"seed\":1}");
        StringBuilder sb = new StringBuilder("iteration,env_steps,wall_s,return,vae_kl\n");
        for (int i = 0; i < returns.length; i++) sb.append(i + 1).append(",0,").append(100 * (i + 1)).append(',').append(returns[i]).append(",3\n");
        Files.writeString(dir.resolve("metrics.csv"), sb.toString());
    }

    @Test
    void oneTablePerColumnWithTheFinalDifference(@TempDir Path root) throws IOException {
        run(root.resolve("base/s101"), 1, 2);
        run(root.resolve("base/s102"), 1, 3);
        run(root.resolve("lever/s101"), 2, 6);
        run(root.resolve("lever/s102"), 2, 7);
        CliTest.Result r = CliTest.run("table", root.toString(), "--iterations", "1,2", "--final", "0.5", "--column", "return,vae_kl");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("return at 2 it") && r.out().contains("vae_kl at 2 it"), r.out());
        assertTrue(r.out().contains("| lever | 2 |") && r.out().contains("+4.00 ["), r.out());
        CliTest.Result bad = CliTest.run("table", root.toString(), "--iterations", "1", "--column", "no_such_column");
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("no_such_column") && !bad.err().contains("\tat "), bad.err());
        CliTest.Result atOne = CliTest.run("table", root.toString(), "--iterations", "1", "--final", "0.5", "--upto", "1");
        assertEquals(0, atOne.code(), atOne.err());
        assertTrue(atOne.out().contains("+1.00 ["), "finals at iteration 1: 2 against 1: " + atOne.out());
        CliTest.Result noFinal = CliTest.run("table", root.toString(), "--iterations", "1", "--upto", "1");
        assertEquals(2, noFinal.code(), noFinal.out() + noFinal.err());
        assertTrue(noFinal.err().contains("--upto 1 sets where the final is taken; give --final SHARE too"), noFinal.err());
    }
}
