package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.campaign.MarkedSection;
import sectar.experiments.campaign.Summary;
import sectar.experiments.campaign.SummaryRow;
import sectar.experiments.train.Algorithm;

/** {@code sectar experiment} and {@code sectar report} as a user calls them: the plan, refusals, the cross-task table. */
class ExperimentCliTest {
    @Test
    void dryRunListsTheDeclaredRunsWithTheirBudgets(@TempDir Path tmp) {
        CliTest.Result r = CliTest.run("experiment", "waypoint", "--dry-run", "--out", tmp.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(15, lines.size(), r.out()); // 5 algorithms x 3 seeds x instance 0
        assertTrue(lines.get(0).startsWith("sectar/i0-s1  absent  45 iterations  sectar train waypoint --algo sectar --preset cpu "
                + "--instance 0 --seed 1 --iterations 45"), lines.get(0));
        assertFalse(r.out().contains("wallMinutes") || r.out().contains(" min"), "a campaign budgets no wall clock: " + r.out());
        // no SeCTAR run has finished: the baselines get SeCTAR's upper bound, 45 x (8 x 380 + 100 x 99 + 10 x 20 x 19) = 753,300
        // env steps, rounded up to PPO's batch of 8 x 380
        assertTrue(lines.get(3).startsWith("ppo/i0-s1  absent  753,920 env steps (SeCTAR's upper bound, 45 iterations x 16,740")
                && lines.get(3).endsWith("--env-steps 753920"), lines.get(3));
        assertTrue(lines.get(5).startsWith("ppo-rnd/i0-s1  absent") && lines.get(5).endsWith("--env-steps 753920"), lines.get(5));
        assertTrue(lines.get(6).startsWith("mpc1step/i0-s1") && lines.get(6).contains("--iterations "), lines.get(6));
        assertTrue(lines.get(14).startsWith("mpc1step/i0-s3"), lines.get(14));

        CliTest.Result o = CliTest.run("experiment", "block", "--dry-run", "--out", tmp.toString(), "--algos", "trpo,sectar",
                "--seeds", "1", "--instances", "1-2", "--env-steps", "5000", "--iterations", "4", "--set", "sectar:mpc.horizon=3");
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of("sectar/i1-s1", "trpo/i1-s1", "sectar/i2-s1", "trpo/i2-s1"),
                o.out().strip().lines().map(l -> l.split(" ")[0]).toList());
        assertTrue(o.out().contains("--algo trpo --preset cpu --instance 2 --seed 1 --env-steps 5000"), o.out());
        assertTrue(o.out().contains("--seed 1 --iterations 4 --set mpc.horizon=3"), o.out());
    }

    @Test
    void badOptionsAreOneLineNamingTheValue(@TempDir Path tmp) {
        String out = tmp.resolve("c").toString();
        CliTest.assertUserError(CliTest.run("experiment", "maze", "--out", out), "maze");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--instances", "0-9", "--out", out), "9");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--instances", "a-b", "--out", out), "a-b");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--algos", "sectar,dqn", "--out", out), "dqn");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--seeds", "0", "--out", out), "0");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--env-steps", "-3", "--out", out), "-3");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--parallel", "0", "--out", out), "0");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--set", "mpc.horizon=2", "--out", out), "mpc.horizon=2");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--algos", "ppo", "--iterations", "3", "--out", out), "sectar");
        // every run's config is built before anything runs, --dry-run included
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--set", "sectar:nosuch.key=1", "--dry-run", "--out", out), "nosuch");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--set", "ppo:ppo.clip=-1", "--out", out), "clip");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--minutes", "20", "--out", out), "--minutes");
        assertFalse(Files.exists(tmp.resolve("c")), "refused options write nothing");
    }

    @Test
    void reportPoolsEveryTasksSummaryIntoInterquartileMeans(@TempDir Path tmp) throws Exception {
        // waypoint: ppo scores 0, 0.2, 0.4, 1.0 (two instances, two seeds each); block: ppo 0.5
        Summary.write(tmp.resolve("waypoint").resolve(Summary.FILE), List.of(
                row("waypoint", "ppo", 0, 1, 0.0), row("waypoint", "ppo", 0, 2, 2.0),
                row("waypoint", "ppo", 1, 1, 4.0), row("waypoint", "ppo", 1, 2, 10.0)));
        Summary.write(tmp.resolve("block").resolve(Summary.FILE), List.of(row("block", "ppo", 0, 1, 5.0)));
        Path md = tmp.resolve("report.md");
        CliTest.Result r = CliTest.run("report", tmp.toString(), "--reps", "200", "--out", md.toString());
        assertEquals(0, r.code(), r.err());
        String ppo = r.out().lines().filter(l -> l.startsWith("| ppo |")).findFirst().orElseThrow();
        String[] cells = ppo.split("\\|");
        // columns: algorithm, block, waypoint, IQM all, mean all
        assertTrue(cells[2].strip().startsWith("mean 0.50 (1)"), ppo); // one run: no IQM, no interval
        assertTrue(cells[3].strip().startsWith("0.30 ["), ppo);      // IQM of 0, .2, .4, 1: mean of .2 and .4
        assertTrue(cells[4].strip().startsWith("0.37 ["), ppo);      // IQM of 0, .2, .4, .5, 1: cut 1 each side
        assertTrue(cells[5].strip().startsWith("0.42 [") && cells[5].contains("(5)"), ppo); // mean 2.1 / 5
        assertEquals(r.out(), Files.readString(md));
        // the raw returns: waypoint i0 has ppo's 0 and 2 (mean 1, t half-width 12.71 * 1), block i0 one run of 5
        String raw = r.out().lines().filter(l -> l.startsWith("| ppo |")).skip(1).findFirst().orElseThrow();
        assertTrue(raw.contains("| 5.00 (1) [0.00M] | 1.00 ± 12.71 (2) [0.00M] | 7.00 ± 38.12 (2) [0.00M] |"), raw);
        CliTest.assertUserError(CliTest.run("report", tmp.resolve("none").toString()), "none");

        Path readme = tmp.resolve("README.md");
        Files.writeString(readme, "# top\nkept, quoting " + MarkedSection.BEGIN + " in prose\n" + MarkedSection.BEGIN + "\nold numbers\n" + MarkedSection.END + "\ntail kept\n");
        assertEquals(0, CliTest.run("report", tmp.toString(), "--reps", "200", "--readme", readme.toString()).code());
        String text = Files.readString(readme);
        assertTrue(text.startsWith("# top\nkept, quoting " + MarkedSection.BEGIN + " in prose\n" + MarkedSection.BEGIN + "\nGenerated by `sectar report "), text);
        assertTrue(text.endsWith(MarkedSection.END + "\ntail kept\n") && !text.contains("old numbers") && text.contains(raw), text);
        Files.writeString(readme, "no markers\n");
        CliTest.assertUserError(CliTest.run("report", tmp.toString(), "--readme", readme.toString()), MarkedSection.BEGIN);
    }

    /** A finished run whose instance has expert 10 and random 0, so the normalised score is return / 10. */
    private static SummaryRow row(String task, String algo, int instance, long seed, double ret) {
        return new SummaryRow(task, Algorithm.named(algo), instance, seed, 10, 1000, ret, 10, 0, ret / 10, 1.0, "abc");
    }
}
