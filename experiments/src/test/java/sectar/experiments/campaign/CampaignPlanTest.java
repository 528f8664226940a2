package sectar.experiments.campaign;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.declared.Experiments;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.Preset;

/** How a declared experiment becomes runs, arguments and child commands, without starting any. */
class CampaignPlanTest {
    private static CampaignRunner.Options options(Path root, int parallel) {
        return new CampaignRunner.Options(root, parallel, 2, new PrintStream(PrintStream.nullOutputStream()), List.of("sectar"));
    }

    @Test
    void runsAreOrderedInstanceThenSectarsSeedsThenTheOthersSeedBySeed() {
        Experiment e = Experiments.of("swimmer").withSeeds(2).withInstances(List.of(3, 1)).onlyAlgos(List.of(Algorithm.ppo, Algorithm.mpc1step, Algorithm.sectar));
        assertEquals(List.of("sectar/i3-s1", "sectar/i3-s2", "ppo/i3-s1", "mpc1step/i3-s1", "ppo/i3-s2", "mpc1step/i3-s2",
                "sectar/i1-s1", "sectar/i1-s2", "ppo/i1-s1", "mpc1step/i1-s1", "ppo/i1-s2", "mpc1step/i1-s2"),
                e.plan().stream().map(RunSpec::name).toList());
        assertEquals(Path.of("r", "sectar", "i3-s1"), e.plan().get(0).dir(Path.of("r")));
        assertThrows(IllegalArgumentException.class, () -> Experiments.of("swimmer").onlyAlgos(List.of(Algorithm.sectar))
                .withSets(Algorithm.ppo, List.of("a=1")), "ppo is not in that experiment");
        assertThrows(IllegalArgumentException.class, () -> AlgoSetup.of(Algorithm.sectar, Preset.cpu, Budget.envSteps(10)));
        assertThrows(IllegalArgumentException.class, () -> AlgoSetup.of(Algorithm.trpo, Preset.cpu, Budget.iterations(10)));
    }

    @Test
    void oneStepMpcGetsTheIterationsThatFitTheEnvStepBudget() {
        // waypoint cpu: 8 random paths then 2 MPC episodes per iteration, 380 steps each:
        // (10,000 - 8 x 380) / (2 x 380) = 9.16, rounded up to 10 iterations
        RunSpec s = new RunSpec("waypoint", AlgoSetup.of(Algorithm.mpc1step, Preset.cpu, Budget.envSteps(10_000)), 0, 1);
        assertEquals(10, s.oneStepIterations(10_000));
        assertEquals(1, s.oneStepIterations(100));
        assertTrue(String.join(" ", s.trainArgs()).endsWith("--seed 1 --iterations 10"), s.trainArgs().toString());
    }

    @Test
    void stoppedRunsWithACheckpointResumeOthersStartAgain(@TempDir Path tmp) throws Exception {
        RunSpec sectar = Experiments.of("waypoint").plan().get(0);
        Path dir = tmp.resolve("sectar/i0-s1");
        List<String> fresh = CampaignRunner.arguments(sectar, RunState.ABSENT, dir, options(tmp, 1));
        assertEquals(List.of("--out", dir.toString(), "--threads", "2"), fresh.subList(fresh.size() - 4, fresh.size()));
        Files.createDirectories(dir);
        List<String> again = CampaignRunner.arguments(sectar, RunState.STOPPED, dir, options(tmp, 2));
        assertTrue(again.contains("--force") && again.get(again.size() - 1).equals("1"), again.toString()); // no checkpoint yet
        Files.writeString(dir.resolve(RunDirectory.CHECKPOINT), "x");
        assertEquals(List.of("resume", dir.toString(), "--threads", "2"), CampaignRunner.arguments(sectar, RunState.STOPPED, dir, options(tmp, 1)));
        RunSpec ppo = named(Experiments.of("waypoint").plan(tmp), "ppo/i0-s1");
        List<String> flat = CampaignRunner.arguments(ppo, RunState.ABSENT, tmp.resolve("ppo/i0-s1"), options(tmp, 2));
        assertEquals(List.of("--threads", "1"), flat.subList(flat.size() - 2, flat.size()));
        assertTrue(ChildRun.command(List.of("tasks"), 1).contains("-XX:ActiveProcessorCount=1"));
        assertFalse(String.join(" ", ChildRun.command(List.of("tasks"), 0)).contains("ActiveProcessorCount"));
        assertEquals(ChildRun.MAIN, ChildRun.command(List.of("tasks"), 0).get(3));
    }

    @Test
    void aStartedRunIsNotContinuedUnderAnotherPlan(@TempDir Path tmp) {
        RunSpec planned = named(Experiments.of("waypoint").plan(tmp), "ppo/i0-s1");
        CampaignRecord.load(tmp).record(planned);
        CampaignRecord.load(tmp).check(planned);
        RunSpec changed = named(Experiments.of("waypoint").withEnvSteps(5000).plan(tmp), "ppo/i0-s1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CampaignRecord.load(tmp).check(changed));
        assertTrue(e.getMessage().contains("ppo/i0-s1") && e.getMessage().contains("--env-steps 5000"), e.getMessage());
    }

    static RunSpec named(List<RunSpec> plan, String name) {
        return plan.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void progressLineCountsRunsAndExtrapolatesTheEta() {
        AtomicLong now = new AtomicLong();
        CampaignProgress p = new CampaignProgress("block", 4, now::get);
        p.skipped();
        assertEquals("campaign block: 1/4 runs finished (1 already), 0 failed | starting ppo/i0-s1 | 0:00:00 elapsed, ETA ?",
                p.line("starting ppo/i0-s1"));
        now.set(600_000_000_000L); // 10 minutes: one run done now, two left
        p.finished();
        assertEquals("campaign block: 2/4 runs finished (1 already), 0 failed | x | 0:10:00 elapsed, ETA 0:20:00", p.line("x"));
    }
}
