package sectar.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sectar.experiments.render.SkillsRender;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.ConfigJson;
import sectar.experiments.train.SectarRunConfig;
import sectar.experiments.train.SectarTrainer;
import sectar.experiments.train.TrainingLoop;
import sectar.sim.render.PngWriter;

/** {@code sectar skills RUN_DIR --out skills.png}: what a SeCTAR run's latents do, predicted against executed. */
@Command(name = "skills", mixinStandardHelpOptions = true,
        description = "Draw a SeCTAR run's skills: from replay start states, latents from the prior (and the learned prior when on), "
                + "each latent's state-decoder prediction dashed and the policy decoder's executed segment solid, on the task's arena.")
final class SkillsCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a SeCTAR run directory with a checkpoint")
    Path run;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "the picture to write")
    Path out;

    @Option(names = "--starts", defaultValue = "4", description = "replay start states, one panel each (default: ${DEFAULT-VALUE})")
    int starts;

    @Option(names = "--latents", defaultValue = "16", description = "latents per start state (default: ${DEFAULT-VALUE})")
    int latents;

    @Option(names = "--size", defaultValue = "320", description = "panel size in pixels (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the starts, latents and actions drawn (default: ${DEFAULT-VALUE})")
    long seed;

    @Override public Integer call() throws IOException {
        if (starts < 1 || starts > 16) throw new IllegalArgumentException("--starts must be in 1..16, got " + starts);
        if (latents < 1 || latents > 64) throw new IllegalArgumentException("--latents must be in 1..64, got " + latents);
        if (size < 64 || size > 2048) throw new IllegalArgumentException("--size must be in 64..2048 pixels, got " + size);
        if (!out.getFileName().toString().endsWith(".png")) throw new IllegalArgumentException("--out must name a .png file, got " + out);
        JsonNode m = RunDirectory.readMetadata(run, "RUN_DIR");
        if (!m.path("algo").asText().equals(Algorithm.sectar.word()))
            throw new IllegalArgumentException("run " + run + " is a " + m.path("algo").asText() + " run; skills are drawn for sectar runs");
        SectarRunConfig cfg = (SectarRunConfig) ConfigJson.read(Algorithm.sectar, run.resolve(RunDirectory.CONFIG));
        List<SkillsRender.Row> rows = new ArrayList<>();
        int drawn = -1;
        for (Path checkpoint : checkpoints()) {
            try (SectarTrainer trainer = (SectarTrainer) Algorithm.sectar.trainer(cfg, true)) {
                TrainingLoop loop = new TrainingLoop(trainer);
                loop.loadFile(checkpoint);
                if (loop.iteration() == drawn) continue; // the last checkpoint is also the last kept one
                drawn = loop.iteration();
                rows.addAll(SkillsRender.rows(trainer, "iteration " + drawn, starts, latents, size, seed));
            }
        }
        BufferedImage img = SkillsRender.grid(rows);
        PngWriter.write(img, out);
        spec.commandLine().getOut().printf("wrote %s: %d row(s) of %d start state(s) x %d latents from %s%n", out, rows.size(), starts, latents, run);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The kept checkpoints of the run ({@code checkpoints/iter-*.bin}, oldest first), then its last one. */
    private List<Path> checkpoints() throws IOException {
        List<Path> all = new ArrayList<>();
        Path kept = run.resolve(TrainingLoop.KEPT);
        if (Files.isDirectory(kept))
            try (var s = Files.list(kept)) {
                s.filter(p -> p.getFileName().toString().matches("iter-\\d+\\.bin"))
                        .sorted(java.util.Comparator.comparingInt(TrainingLoop::keptIteration)).forEach(all::add);
            }
        Path last = run.resolve(TrainingLoop.CHECKPOINT);
        if (!Files.exists(last)) throw new IllegalArgumentException("no checkpoint in " + run + " (expected " + TrainingLoop.CHECKPOINT + ")");
        all.add(last);
        return all;
    }
}
