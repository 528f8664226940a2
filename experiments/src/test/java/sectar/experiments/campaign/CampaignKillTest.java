package sectar.experiments.campaign;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.train.Algorithm;
import sectar.sim.Seeds;

/**
 * A campaign of two algorithms x two seeds at a tiny budget, killed with SIGKILL at random points five
 * times (sometimes with its running child, sometimes alone, leaving the child to finish as an orphan)
 * and restarted (stopped runs of every algorithm resume from their checkpoints), ends with the same
 * summary.csv as one never killed, apart from the provenance columns.
 */
class CampaignKillTest {
    /** SeCTAR small enough that a run of 3 iterations takes a few seconds (most of it JVM start-up). */
    private static final List<String> TINY_SECTAR = List.of("model.encoderHidden=16", "model.decoderHidden=16", "model.batchSize=16",
            "mpc.episodes=2", "mpc.candidates=16", "mpc.segments=3", "explorer.starts=8", "explorer.segments=2",
            "explorer.hidden=16", "vaePasses=2", "vaeStepsPerPass=2", "validationBatches=1", "validationBatch=4", "consistencyRollouts=4");
    private static final int SECTAR_ITERATIONS = 3;
    private static final int KILLS = 5;

    private static List<String> campaign(Path out) {
        List<String> a = new ArrayList<>(List.of("experiment", "waypoint", "--algos", "sectar,ppo", "--seeds", "2", "--instances", "0",
                "--iterations", Integer.toString(SECTAR_ITERATIONS), "--out", out.toString()));
        for (String s : TINY_SECTAR) a.addAll(List.of("--set", "sectar:" + s));
        return a;
    }

    private static Process start(Path out, Path log) throws IOException {
        return new ProcessBuilder(ChildRun.command(campaign(out), 0)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** summary.csv without the provenance columns, by line. */
    private static List<String> results(Path root) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve(Summary.FILE));
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String[] c = l.split(",", -1);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < c.length; i++) if (!Summary.PROVENANCE.contains(Summary.COLUMNS.get(i))) kept.add(c[i]);
            out.add(String.join(",", kept));
        }
        return out;
    }

    @Test
    void killedAndRestartedCampaignEndsLikeAnUnkilledOne(@TempDir Path tmp) throws Exception {
        Path clean = tmp.resolve("clean"), killed = tmp.resolve("killed"), log = tmp.resolve("log.txt");
        Process p = start(clean, log);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the unkilled campaign took too long");
        assertEquals(0, p.exitValue(), Files.readString(log));

        SplittableRandom rng = Seeds.rng(11, "test/kill-points");
        int killedMidRun = 0;
        for (int k = 0; k < KILLS; k++) {
            Process c = start(killed, log);
            // the first kill waits for a child, so one kill lands while a run trains however slow the machine's start-ups are
            if (k == 0) for (long end = System.nanoTime() + 60_000_000_000L; c.descendants().findAny().isEmpty() && System.nanoTime() < end; )
                Thread.sleep(50);
            else Thread.sleep(300 + rng.nextInt(3000)); // start-up, a run's middle, or between runs
            boolean withChildren = k % 2 == 0;     // odd rounds leave the running child behind as an orphan
            List<ProcessHandle> children = c.descendants().toList();
            if (!children.isEmpty()) killedMidRun++;
            c.destroyForcibly();
            c.waitFor();
            if (withChildren) { // as kill -9 of the process group: the children too, even one spawned after the snapshot
                children.forEach(ProcessHandle::destroyForcibly);
                for (String algo : List.of("sectar", "ppo"))
                    for (int seed = 1; seed <= 2; seed++)
                        Orphans.writing(killed.resolve(algo).resolve("i0-s" + seed)).forEach(ProcessHandle::destroyForcibly);
            }
        }
        Process last = start(killed, log);
        assertTrue(last.waitFor(90, TimeUnit.SECONDS), "the restarted campaign took too long");
        assertEquals(0, last.exitValue(), Files.readString(log));
        assertTrue(killedMidRun > 0, "at least one kill must land while a run was training");

        assertEquals(results(clean), results(killed), "summary.csv apart from wall clock and commit");
        assertEquals(5, results(killed).size(), "a header and four runs");
        for (String algo : List.of("sectar", "ppo"))
            for (int seed = 1; seed <= 2; seed++) {
                Path run = killed.resolve(algo).resolve("i0-s" + seed);
                double[] it = MetricsCsv.read(run.resolve(RunDirectory.METRICS)).column("iteration");
                double[] ref = MetricsCsv.read(clean.resolve(algo).resolve("i0-s" + seed).resolve(RunDirectory.METRICS)).column("iteration");
                assertEquals(ref.length, it.length, run + ": one row per iteration");
                for (int i = 0; i < it.length; i++) assertEquals(i + 1, it[i], run + " row " + i);
                if (algo.equals("sectar")) assertEquals(SECTAR_ITERATIONS, it.length);
            }
        for (String f : List.of("README.md", "return.png", "normalized.png", CampaignRecord.FILE))
            assertTrue(Files.size(killed.resolve(f)) > 0, f);
        String readme = Files.readString(killed.resolve("README.md"));
        assertTrue(readme.contains("| sectar (cpu) | 3 iterations |") && readme.contains("| ppo (cpu) | the env steps of SeCTAR's runs |"), readme);
        // PPO waited for both SeCTAR runs and trains on the most env steps either took, rounded up to its batch of 8 x 380
        List<SummaryRow> rows = Summary.read(killed.resolve(Summary.FILE));
        long sectarMost = rows.stream().filter(r -> r.algo() == Algorithm.sectar).mapToLong(SummaryRow::envSteps).max().orElseThrow();
        long batch = 8 * 380, budget = (sectarMost + batch - 1) / batch * batch;
        for (SummaryRow r : rows)
            if (r.algo() == Algorithm.ppo) assertTrue(r.envSteps() >= budget && r.envSteps() < budget + batch, r + " against SeCTAR's " + sectarMost);
        assertTrue(Files.readString(killed.resolve(CampaignRecord.FILE)).contains("\"" + budget + "\""), "campaign.json records PPO's resolved budget");
        assertTrue(readme.contains("(4 of 4 runs finished)"), readme);

        // --refresh rebuilds the outputs from the run folders alone and runs nothing
        List<String> before = results(killed);
        Files.delete(killed.resolve(Summary.FILE));
        Files.delete(killed.resolve("README.md"));
        List<String> refresh = new ArrayList<>(campaign(killed));
        refresh.add("--refresh");
        Process r = new ProcessBuilder(ChildRun.command(refresh, 0)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        assertTrue(r.waitFor(60, TimeUnit.SECONDS), "refresh took too long");
        assertEquals(0, r.exitValue(), Files.readString(log));
        assertEquals(before, results(killed), "summary.csv rebuilt from the run folders");
        assertTrue(Files.readString(killed.resolve("README.md")).contains("(4 of 4 runs finished)"));
        assertTrue(Files.readString(log).contains("4 of 4 runs finished; outputs rewritten"), "refresh reports what it found");
    }
}
