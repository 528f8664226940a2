package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.train.TrainingLoop;

/** {@code sectar skills}: a picture of a run's latents, one row per kept checkpoint and prior. */
class SkillsCliTest {
    private static final List<String> TINY = List.of("model.encoderHidden=16", "model.decoderHidden=16", "model.batchSize=16",
            "mpc.episodes=1", "mpc.candidates=16", "mpc.segments=3", "explorer.starts=8", "explorer.segments=2",
            "explorer.hidden=16", "vaePasses=1", "vaeStepsPerPass=2", "validationBatches=1", "validationBatch=4", "consistencyRollouts=4");

    @Test
    void drawsOneRowPerKeptCheckpointAndPrior(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        List<String> args = new ArrayList<>(List.of("train", "waypoint", "--algo", "sectar", "--iterations", "2", "--seed", "5",
                "--set", "keepCheckpointEvery=1", "--set", "prior.learned=true", "--out", run.toString()));
        for (String s : TINY) args.addAll(List.of("--set", s));
        CliTest.Result t = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, t.code(), t.err());
        assertTrue(Files.exists(run.resolve(TrainingLoop.KEPT).resolve("iter-1.bin")) && Files.exists(run.resolve(TrainingLoop.KEPT).resolve("iter-2.bin")));

        Path png = tmp.resolve("skills.png");
        CliTest.Result r = CliTest.run("skills", run.toString(), "--out", png.toString(), "--starts", "2", "--latents", "4", "--size", "100");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        // iterations 1 and 2 (the last checkpoint is iteration 2 again, drawn once), each under N(0, I) and the learned prior
        assertEquals(2 * 100, img.getWidth());
        assertEquals(4 * (100 + 22), img.getHeight());
        assertTrue(r.out().contains("4 row(s)"), r.out());

        CliTest.assertUserError(CliTest.run("skills", run.toString(), "--out", tmp.resolve("x.gif").toString()), "x.gif");
        CliTest.assertUserError(CliTest.run("skills", tmp.resolve("none").toString(), "--out", png.toString()), "none");
    }
}
