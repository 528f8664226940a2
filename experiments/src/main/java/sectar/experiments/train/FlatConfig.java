package sectar.experiments.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import sectar.agent.rl.PpoConfig;
import sectar.agent.rl.RndConfig;
import sectar.agent.rl.TrpoConfig;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.EmbeddedInstance;

/**
 * A flat-baseline run (spec section 10.1): a policy on the observation plus a stage one-hot, trained
 * by PPO, TRPO or PPO with random network distillation on whole episodes of the task's full length.
 *
 * @param task            task name
 * @param instance        task instance 0..4
 * @param algo            which flat baseline: ppo, trpo or ppo-rnd
 * @param preset          where the numbers come from
 * @param seed            the run seed every stream derives from
 * @param envSteps        budget of environment steps; the run stops after the iteration that reaches it
 * @param envs            parallel environments
 * @param episodesPerEnv  episodes each env contributes per iteration (batch = envs x episodesPerEnv)
 * @param hidden          policy MLP hidden widths (released TRPO: 300-200-100)
 * @param initLogStd      initial log sigma of Gaussian policies (released: log 20 wheeled, 0 swimmer)
 * @param ppo             PPO settings (used when algo = ppo or ppo-rnd; for ppo-rnd its gamma is the
 *                        extrinsic discount)
 * @param trpo            TRPO settings (used when algo = trpo)
 * @param rnd             the exploration bonus of ppo-rnd; null for ppo and trpo (and left out of their
 *                        config.json, which therefore reads as before it existed)
 * @param taskInstance    the task instance as data (bundled or from {@code --instances-file}), embedded so
 *                        the run folder is self-contained; null in configs written before it was (then
 *                        the bundled instance {@code instance})
 */
public record FlatConfig(String task, int instance, Update algo, Preset preset, long seed, long envSteps, int envs,
                         int episodesPerEnv, int[] hidden, double initLogStd, PpoConfig ppo, TrpoConfig trpo,
                         @JsonInclude(JsonInclude.Include.NON_NULL) RndConfig rnd, @EmbeddedInstance.Field TaskInstance taskInstance) {
    /**
     * The update a flat baseline trains its policy with; its word is the algorithm's (the
     * {@link Algorithm} registry's flat algorithms are these).
     */
    public enum Update {
        ppo("ppo"),
        trpo("trpo"),
        ppo_rnd("ppo-rnd");

        private final String word;

        Update(String word) { this.word = word; }

        /** The word config.json, {@code --algo} and metadata.json write. */
        @JsonValue public String word() { return word; }

        @Override public String toString() { return word; }
    }

    public FlatConfig {
        RunTask.check(task, taskInstance);
        if (algo == null)
            throw new IllegalArgumentException("algo must be the flat baseline, one of " + Arrays.toString(Update.values()));
        if (preset == null) throw new IllegalArgumentException("preset must be one of " + Arrays.toString(Preset.values()));
        if (envSteps < 1) throw new IllegalArgumentException("--env-steps must be > 0, got " + envSteps);
        if (envs < 1) throw new IllegalArgumentException("envs must be >= 1, got " + envs);
        if (episodesPerEnv < 1) throw new IllegalArgumentException("episodesPerEnv must be >= 1, got " + episodesPerEnv);
        if (hidden == null || hidden.length == 0 || Arrays.stream(hidden).anyMatch(h -> h < 1))
            throw new IllegalArgumentException("hidden must be one or more widths >= 1, got " + Arrays.toString(hidden));
        if (!Double.isFinite(initLogStd)) throw new IllegalArgumentException("initLogStd must be finite, got " + initLogStd);
        if (ppo == null || trpo == null) throw new IllegalArgumentException("ppo and trpo settings must both be present");
        if (algo == Update.ppo_rnd && rnd == null) throw new IllegalArgumentException("ppo-rnd needs its rnd settings");
        if (algo == Update.ppo_rnd && !ppo.hasValueNet())
            throw new IllegalArgumentException("ppo-rnd needs a learned value net (ppo.valueHidden must not be empty), got "
                    + Arrays.toString(ppo.valueHidden()));
        hidden = hidden.clone();
    }

    /** The spec of the run's task instance. */
    public TaskSpec taskSpec() { return RunTask.spec(task, instance, taskInstance); }

    /** The env steps of one iteration when no episode ends early: envs x episodesPerEnv whole episodes (the batch a budget rounds up to). */
    public long iterationSteps() { return (long) envs * episodesPerEnv * taskSpec().episodeSteps(); }

    @Override public int[] hidden() { return hidden.clone(); }
}
