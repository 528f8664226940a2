package sectar.experiments.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The registry of trainable algorithms, the one list of them: each names its config record (what
 * config.json holds), its preset file and its {@link Trainer}. Each constant's {@link #word()} (its
 * {@link #toString()}) is the word of {@code --algo}, of metadata.json's {@code algo} and of campaign
 * folders: the constant's name, except where the word is not a Java name ({@code ppo-rnd}). The flat
 * baselines are the updates {@link FlatConfig.Update} names, one record for the three.
 */
public enum Algorithm {
    sectar("sectar", SectarRunConfig.class, "sectar"),
    ppo(FlatConfig.Update.ppo),
    trpo(FlatConfig.Update.trpo),
    ppo_rnd(FlatConfig.Update.ppo_rnd),
    mpc1step("mpc1step", OneStepConfig.class, "mpc1step");

    private final String word;
    private final Class<? extends Record> configType;
    private final String presetFile;

    Algorithm(String word, Class<? extends Record> configType, String presetFile) {
        this.word = word;
        this.configType = configType;
        this.presetFile = presetFile;
    }

    Algorithm(FlatConfig.Update update) { this(update.word(), FlatConfig.class, "flat"); }

    /** The algorithm's word on the command line, in metadata.json and in campaign folders. */
    @JsonValue public String word() { return word; }

    @Override public String toString() { return word; }

    /** The record config.json of this algorithm's runs is read as. */
    public Class<? extends Record> configType() { return configType; }

    /** The name of the preset file ({@code presets/<name>.json}) holding this algorithm's preset numbers. */
    public String presetFile() { return presetFile; }

    /**
     * Whether a stopped run of this algorithm in {@code runDir} continues where it stopped
     * ({@code sectar resume}): every trainer saves its whole state, so a run with a checkpoint does; one
     * killed before its first checkpoint has nothing worth keeping and is trained again from the start.
     */
    public boolean resumesFrom(Path runDir) { return Files.isRegularFile(runDir.resolve(TrainingLoop.CHECKPOINT)); }

    /** Whether the run's length is given in iterations (else in env steps). */
    public boolean countsIterations() { return this == sectar || this == mpc1step; }

    /**
     * A fresh trainer for {@code config} (of {@link #configType()}); {@code parallel = false} keeps it
     * on one core, with identical results.
     */
    public Trainer trainer(Record config, boolean parallel) {
        return switch (this) {
            case sectar -> {
                SectarTrainer t = new SectarTrainer((SectarRunConfig) config);
                t.setParallel(parallel);
                yield t;
            }
            case ppo, trpo, ppo_rnd -> new FlatTrainer((FlatConfig) config, parallel);
            case mpc1step -> new OneStepTrainer((OneStepConfig) config);
        };
    }

    /** The algorithm whose word is {@code word}, or a one-line error listing the known ones. */
    @JsonCreator public static Algorithm named(String word) {
        for (Algorithm a : values()) if (a.word.equals(word)) return a;
        throw new IllegalArgumentException("unknown algorithm '" + word + "'; expected one of "
                + java.util.Arrays.toString(values()));
    }

}
