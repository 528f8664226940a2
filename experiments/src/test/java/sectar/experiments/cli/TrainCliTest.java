package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.ConfigJson;
import sectar.experiments.train.FlatConfig;
import sectar.experiments.train.OneStepConfig;
import sectar.experiments.train.Preset;
import sectar.experiments.train.Presets;
import sectar.experiments.train.SectarRunConfig;
import sectar.planner.SearchConfig;
import sectar.sim.tasks.Tasks;

/** train / plot / resume as a user calls them: complete run directories, and clear refusals. */
class TrainCliTest {
    @Test
    void ppoAndTrpoWriteRunDirectoriesThatPlot(@TempDir Path tmp) throws Exception {
        for (String algo : new String[] {"ppo", "trpo"}) {
            Path out = tmp.resolve(algo);
            CliTest.Result r = CliTest.run("train", "waypoint", "--algo", algo, "--env-steps", "3000", "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            for (String f : new String[] {"config.json", "metadata.json", "metrics.csv"}) assertTrue(Files.exists(out.resolve(f)), f);
            MetricsCsv.Table t = MetricsCsv.read(out.resolve("metrics.csv"));
            assertTrue(t.columns().containsAll(java.util.List.of("iteration", "env_steps", "wall_s", "return", "success", "stage",
                    "kl", "entropy")), t.columns().toString());
            assertTrue(Files.readString(out.resolve("metadata.json")).contains("\"status\" : \"completed\""));
        }
        Path png = tmp.resolve("curves.png");
        CliTest.Result p = CliTest.run("plot", tmp.resolve("ppo").toString(), tmp.resolve("trpo").toString(), "--out", png.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void badExplorerLeverValuesAreOneLineNamingThem(@TempDir Path tmp) {
        Path out = tmp.resolve("x");
        CliTest.assertUserError(CliTest.run("train", "wheeled", "--algo", "sectar", "--set", "explorer.ouTheta=2", "--out",
                out.toString()), "explorer.ouTheta must be in [0, 1] (0 = independent noise), got 2.0");
        CliTest.assertUserError(CliTest.run("train", "wheeled", "--algo", "sectar", "--set", "explorer.rndWeight=-1", "--out",
                out.toString()), "explorer.rndWeight must be a finite number >= 0 (0 = off), got -1.0");
        CliTest.assertUserError(CliTest.run("train", "wheeled", "--algo", "sectar", "--set", "explorer.archiveStarts=1.5", "--out",
                out.toString()), "explorer.archiveStarts must be a share in [0, 1] (0 = off), got 1.5");
        CliTest.assertUserError(CliTest.run("train", "wheeled", "--algo", "sectar", "--set", "explorer.archiveGrid=0", "--out",
                out.toString()), "explorer.archiveGrid must be >= 1 cells per side, got 0");
        CliTest.assertUserError(CliTest.run("train", "block", "--algo", "sectar", "--set", "explorer.ouTheta=0.1", "--out",
                out.toString()), "explorer.ouTheta 0.1 needs a continuous explorer");
        CliTest.assertUserError(CliTest.run("calibrate-reset", "block", "--samples", "5"), "--samples must be >= 20, got 5");
        assertFalse(Files.exists(out), "refused input writes nothing");
    }

    @Test
    void badPpoRndValuesAreOneLineNamingThem(@TempDir Path tmp) {
        Path out = tmp.resolve("x");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo-rnd", "--set", "rnd.updateProportion=0", "--out",
                out.toString()), "rnd.updateProportion must be in (0, 1], got 0.0");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo-rnd", "--set", "rnd.intrinsicGamma=1", "--out",
                out.toString()), "rnd.intrinsicGamma must be in [0, 1), got 1.0");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo", "--set", "rnd.intrinsicCoef=2", "--out",
                out.toString()), "rnd");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo_rnd", "--out", out.toString()), "ppo_rnd");
        assertFalse(Files.exists(out), "refused input writes nothing");
    }

    @Test
    void sameSeedTwiceGivesTheSameMetricsApartFromWallClock(@TempDir Path tmp) {
        MetricsCsv.Table[] t = new MetricsCsv.Table[2];
        for (int i = 0; i < 2; i++) {
            Path out = tmp.resolve("run" + i);
            assertEquals(0, CliTest.run("train", "waypoint", "--algo", "ppo", "--env-steps", "3000", "--seed", "4",
                    "--out", out.toString()).code());
            t[i] = MetricsCsv.read(out.resolve("metrics.csv"));
        }
        for (String col : t[0].columns())
            if (!col.equals("wall_s")) assertArrayEquals(t[0].column(col), t[1].column(col), col);
    }

    @Test
    void badBudgetsAlgorithmsPresetsAndOutputsAreRefusedWithoutWriting(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("x");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo", "--env-steps", "0", "--out", out.toString()), "0");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo", "--env-steps", "-5", "--out", out.toString()), "-5");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "sectar", "--iterations", "0", "--out", out.toString()), "0");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "dqn", "--out", out.toString()), "dqn");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo", "--preset", "gpu", "--out", out.toString()), "gpu");
        CliTest.assertUserError(CliTest.run("train", "maze", "--algo", "ppo", "--out", out.toString()), "maze");
        assertFalse(Files.exists(out), "nothing may be written for refused input");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "data");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo", "--env-steps", "100", "--out", out.toString()),
                out.toString());
        assertEquals(1, Files.list(out).count(), "a refused non-empty --out is left as it was");
        Path belowAFile = out.resolve("keep.txt").resolve("run");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo", "--env-steps", "100", "--out", belowAFile.toString()),
                "cannot create run folder");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "sectar", "--set", "mpc.horizn=2", "--out",
                tmp.resolve("y").toString()), "horizn");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "sectar", "--threads", "3", "--out",
                tmp.resolve("y").toString()), "3");
        assertFalse(Files.exists(tmp.resolve("y")), "a refused --set or --threads writes nothing");
    }

    @Test
    void resumeRefusesWhatItCannotContinue(@TempDir Path tmp) throws Exception {
        CliTest.assertUserError(CliTest.run("resume", tmp.resolve("nothing").toString()), "nothing");
        Path run = tmp.resolve("run");
        assertEquals(0, CliTest.run("train", "waypoint", "--algo", "ppo", "--env-steps", "100", "--out", run.toString()).code());
        Files.writeString(run.resolve("metadata.json"), Files.readString(run.resolve("metadata.json"))
                .replace("\"algo\" : \"ppo\"", "\"algo\" : \"dqn\""));
        CliTest.assertUserError(CliTest.run("resume", run.toString()), "dqn");
    }

    @Test
    void setReachesEveryAlgorithmsConfigAndIsRecordedInConfigJson(@TempDir Path tmp) throws Exception {
        Path ppo = tmp.resolve("ppo");
        CliTest.Result r = CliTest.run("train", "waypoint", "--algo", "ppo", "--env-steps", "100", "--set", "envs=2",
                "--set", "ppo.learningRate=0.002", "--set", "hidden=16,8", "--out", ppo.toString());
        assertEquals(0, r.code(), r.err());
        FlatConfig flat = ConfigJson.read(ppo.resolve("config.json"), FlatConfig.class);
        assertEquals(2, flat.envs());
        assertEquals(0.002, flat.ppo().learningRate());
        assertArrayEquals(new int[] {16, 8}, flat.hidden());
        assertEquals(2 * 380, MetricsCsv.read(ppo.resolve("metrics.csv")).column("env_steps")[0], "the run used the set envs");
        assertNull(flat.rnd());
        assertFalse(Files.readString(ppo.resolve("config.json")).contains("rnd"), "a ppo config.json is as it was before ppo-rnd");

        Path rnd = tmp.resolve("ppo-rnd");
        r = CliTest.run("train", "waypoint", "--algo", "ppo-rnd", "--env-steps", "1000", "--set", "envs=2",
                "--set", "rnd.intrinsicCoef=0.5", "--set", "rnd.predictorHidden=32,32", "--out", rnd.toString());
        assertEquals(0, r.code(), r.err());
        FlatConfig withRnd = ConfigJson.read(rnd.resolve("config.json"), FlatConfig.class);
        assertEquals(FlatConfig.Update.ppo_rnd, withRnd.algo());
        assertEquals(0.5, withRnd.rnd().intrinsicCoef());
        assertArrayEquals(new int[] {32, 32}, withRnd.rnd().predictorHidden());
        assertTrue(Files.readString(rnd.resolve("metadata.json")).contains("\"algo\" : \"ppo-rnd\""));
        MetricsCsv.Table t = MetricsCsv.read(rnd.resolve("metrics.csv"));
        assertTrue(t.columns().containsAll(java.util.List.of("value_loss", "intrinsic_reward", "intrinsic_value_loss",
                "predictor_loss")), t.columns().toString());
        for (double v : t.column("predictor_loss")) assertTrue(v > 0 && Double.isFinite(v), "predictor loss " + v);

        Path one = tmp.resolve("mpc1step");
        r = CliTest.run("train", "waypoint", "--algo", "mpc1step", "--iterations", "1", "--set", "candidates=16",
                "--set", "epochs=1", "--out", one.toString());
        assertEquals(0, r.code(), r.err());
        OneStepConfig os = ConfigJson.read(one.resolve("config.json"), OneStepConfig.class);
        assertEquals(16, os.candidates());
        assertEquals(1, os.epochs());
        assertEquals(ConfigJson.write(os), ConfigJson.write(ConfigJson.read(one.resolve("config.json"), OneStepConfig.class)));

        Path sectar = tmp.resolve("sectar-config");
        SectarRunConfig sc = (SectarRunConfig) Presets.build(Algorithm.sectar, Preset.cpu, Tasks.instance("waypoint", 0), 1, 2, 1,
                java.util.List.of("mpc.search=cem", "explorer.hidden=32"));
        assertEquals(new SearchConfig.Cem(4, 16, false), sc.mpc().search(), "the cpu preset's CEM settings");
        assertTrue(ConfigJson.write(sc).contains("\"method\" : \"cem\""), "a typed choice is written with its method's name");
        assertFalse(Files.exists(sectar));
    }

    @Test
    void unknownKeysBadValuesAndMisplacedFlagsAreOneLineNamingThem(@TempDir Path tmp) {
        Path out = tmp.resolve("x");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo", "--set", "ppo.learnRate=1", "--out", out.toString()),
                "learnRate");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo", "--set", "envs=many", "--out", out.toString()), "many");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo", "--set", "envs=0", "--out", out.toString()),
                "envs must be >= 1");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "mpc1step", "--set", "horizon=-2", "--out", out.toString()),
                "horizon must be >= 1");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "sectar", "--set", "mpc.search=grid", "--out", out.toString()),
                "grid");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "sectar", "--set", "mpc.search=grid", "--out", out.toString()),
                "shooting");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "sectar", "--search", "grid", "--out", out.toString()), "grid");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo", "--set", "seed=4", "--out", out.toString()), "--seed");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo", "--iterations", "5", "--out", out.toString()),
                "--iterations");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "mpc1step", "--env-steps", "5", "--out", out.toString()),
                "--env-steps");
        CliTest.assertUserError(CliTest.run("train", "waypoint", "--algo", "ppo", "--search", "cem", "--out", out.toString()), "--search");
        assertFalse(Files.exists(out), "refused input writes nothing");
    }
}
