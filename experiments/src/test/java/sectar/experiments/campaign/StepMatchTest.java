package sectar.experiments.campaign;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.declared.Experiments;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.run.RunMetadata;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.ConfigJson;
import sectar.experiments.train.SectarRunConfig;

/** Budgets in env steps: SeCTAR's upper bound holds on real runs, and baselines take SeCTAR's finished runs' steps. */
class StepMatchTest {
    /** The committed campaigns, from the experiments module's folder. */
    static final Path RESULTS = Path.of("..", "results");

    @Test
    void sectarsUpperBoundHoldsOnEveryIterationOfTheCommittedRunsAndIsReachedWhereNoEpisodeEndsEarly() throws IOException {
        int runs = 0;
        for (String task : List.of("waypoint", "block", "wheeled", "swimmer"))
            try (Stream<Path> dirs = Files.list(RESULTS.resolve(task).resolve("sectar"))) {
                for (Path run : dirs.sorted().toList()) {
                    SectarRunConfig c = (SectarRunConfig) ConfigJson.read(Algorithm.sectar, run.resolve(RunDirectory.CONFIG));
                    long bound = c.maxEnvStepsPerIteration();
                    double[] steps = MetricsCsv.read(run.resolve(RunDirectory.METRICS)).column("env_steps");
                    long most = 0;
                    for (int i = 0; i < steps.length; i++) {
                        long d = (long) (steps[i] - (i == 0 ? 0 : steps[i - 1]));
                        assertTrue(d <= bound, run + " iteration " + (i + 1) + " took " + d + " env steps, above the bound " + bound);
                        most = Math.max(most, d);
                    }
                    // block's MPC episodes end at their last goal; the other tasks' episodes run to their limit
                    if (!task.equals("block")) assertEquals(bound, most, run.toString());
                    runs++;
                }
            }
        assertEquals(12, runs);
    }

    @Test
    void baselinesTakeTheMostOfSectarsFinishedRunsRoundedUpToTheirBatchElseTheUpperBound(@TempDir Path tmp) throws IOException {
        Experiment exp = Experiments.of("waypoint");
        RunSpec ppo = exp.plan().stream().filter(r -> r.name().equals("ppo/i0-s1")).findFirst().orElseThrow();
        StepMatch.Resolved before = StepMatch.resolve(exp, ppo, tmp);
        // 45 iterations x 16,740 = 753,300, rounded up to 248 batches of 8 x 380
        assertEquals(new Budget.EnvSteps(753_920), before.spec().setup().budget());
        assertTrue(before.source().contains("upper bound"), before.source());
        for (int s = 1; s <= 3; s++) copyRun(RESULTS.resolve("waypoint/sectar/i0-s" + s), tmp.resolve("sectar/i0-s" + s));
        StepMatch.Resolved after = StepMatch.resolve(exp, ppo, tmp);
        // the committed runs took 753,300, 803,520 and 753,300: 803,520 rounded up to 265 x 3,040
        assertEquals(new Budget.EnvSteps(805_600), after.spec().setup().budget());
        assertTrue(after.source().contains("finished"), after.source());
        RunSpec oneStep = exp.plan().stream().filter(r -> r.name().equals("mpc1step/i0-s2")).findFirst().orElseThrow();
        assertEquals(new Budget.EnvSteps(803_520), StepMatch.resolve(exp, oneStep, tmp).spec().setup().budget());
        assertEquals(new Budget.EnvSteps(753_920), StepMatch.resolve(exp, ppo, null).spec().setup().budget(), "a cluster's bound");
        // a baseline started alone (--algos ppo) still matches the experiment's SeCTAR runs
        assertEquals(new Budget.EnvSteps(805_600), StepMatch.resolve(exp.onlyAlgos(List.of(Algorithm.ppo)), ppo, tmp).spec().setup().budget());
    }

    @Test
    void aCampaignWithFinishedRunsOfAnotherCommitIsRefusedInOneLineNamingBoth(@TempDir Path tmp) throws IOException {
        copyRun(RESULTS.resolve("waypoint/sectar/i0-s1"), tmp.resolve("sectar/i0-s1"));
        List<RunSpec> plan = Experiments.of("waypoint").plan();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommitRule.check(plan, tmp, "1234567890abcdef1234567890abcdef12345678", false));
        assertTrue(e.getMessage().contains("0d07069") && e.getMessage().contains("1234567") && e.getMessage().contains("--allow-mixed-commits")
                && !e.getMessage().contains("\n"), e.getMessage());
        CommitRule.check(plan, tmp, "1234567890abcdef1234567890abcdef12345678", true);
        CommitRule.check(plan, tmp, "0d070694dd545a6dee9ef72ba09f149dc1daee08", false);
    }

    @Test
    void aStoppedRunOfAnotherCommitIsRefusedAndARunOfTwoCommitsIsMarkedInTheReport(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("sectar/i0-s1");
        copyRun(RESULTS.resolve("waypoint/sectar/i0-s1"), run);
        RunMetadata md = RunMetadata.read(run.resolve(RunDirectory.METADATA));
        String build = "1234567890abcdef1234567890abcdef12345678";
        // killed at 0d07069 without a checkpoint: it starts over, so it mixes nothing
        withCommits(md, md.gitCommit(), "killed", null).write(run.resolve(RunDirectory.METADATA));
        List<RunSpec> plan = Experiments.of("waypoint").plan();
        CommitRule.check(plan, tmp, build, false);
        // with a checkpoint it would resume, and another build would make one run of two commits
        Files.writeString(run.resolve(RunDirectory.CHECKPOINT), "a checkpoint");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommitRule.check(plan, tmp, build, false));
        assertTrue(e.getMessage().contains("0d07069") && e.getMessage().contains("sectar/i0-s1"), e.getMessage());
        // finished by the build after 0d07069 started it: the rule and the report both see 0d07069
        withCommits(md, build, "completed", List.of(md.gitCommit())).write(run.resolve(RunDirectory.METADATA));
        assertThrows(IllegalArgumentException.class, () -> CommitRule.check(plan, tmp, build, false));
        SummaryRow row = SummaryRow.of("waypoint", Algorithm.sectar, 0, 1, run);
        assertEquals(md.gitCommit() + " then " + build, row.commit());
        assertTrue(Commits.markdown(List.of(row)).contains("0d07069 then 1234567: sectar (1)"), Commits.markdown(List.of(row)));
    }

    private static RunMetadata withCommits(RunMetadata m, String commit, String status, List<String> earlier) {
        return new RunMetadata(m.task(), m.algo(), m.seed(), commit, "false", m.command(), m.java(), m.nd4j(), m.cores(),
                m.hostname(), m.cpu(), m.started(), m.finished(), m.wallS(), status, m.error(), earlier);
    }

    static void copyRun(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String f : List.of(RunDirectory.CONFIG, RunDirectory.METADATA, RunDirectory.METRICS))
            Files.copy(from.resolve(f), to.resolve(f));
    }
}
