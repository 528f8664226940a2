package sectar.experiments.tensorboard;

import java.util.List;
import java.util.Map;

/**
 * The one fixed mapping from a metrics.csv column to its TensorBoard tag: the column's own name under
 * a group, so TensorBoard's sections gather what belongs together ({@code plan/plan_end_error},
 * {@code vae/vae_kl}, {@code time/time_mpc_s}). A column that already holds a '/' is its own tag; a
 * column this table does not know goes under {@value #OTHER}.
 */
public final class TagGroups {
    /** The group of a column no rule names. */
    public static final String OTHER = "other";

    /** Whole column names, looked up first. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            // where the run stands
            Map.entry("iteration", "progress"), Map.entry("env_steps", "progress"),
            Map.entry("replay_size", "progress"), Map.entry("transitions", "progress"),
            // what the agent achieves on the task
            Map.entry("return", "episode"), Map.entry("success", "episode"), Map.entry("stage", "episode"),
            Map.entry("wall_s", "time"),
            // SeCTAR: latent planning, the trajectory model and its policy decoder, the prior
            Map.entry("goals_per_segment", "plan"),
            Map.entry("bc_accuracy", "vae"), Map.entry("pd_loglik", "vae"), Map.entry("sd_sigma", "vae"), Map.entry("consistency_reward", "vae"),
            Map.entry("decoder_fit_nll", "vae"),
            Map.entry("pd_entropy_prior", "prior"), Map.entry("archive_cells", "explorer"),
            // the flat baselines: PPO/TRPO updates, RND's exploration bonus, the one-step model
            Map.entry("policy_loss", "policy"), Map.entry("value_loss", "policy"), Map.entry("kl", "policy"),
            Map.entry("entropy", "policy"), Map.entry("clip_fraction", "policy"), Map.entry("loss_before", "policy"),
            Map.entry("loss_after", "policy"), Map.entry("backtracks", "policy"), Map.entry("accepted", "policy"),
            Map.entry("intrinsic_reward", "rnd"), Map.entry("intrinsic_value_loss", "rnd"), Map.entry("predictor_loss", "rnd"),
            Map.entry("model_loss", "model"));

    /** Name prefixes and their groups, tried in order after {@link #COLUMNS}. */
    private static final List<Map.Entry<String, String>> PREFIXES = List.of(
            Map.entry("time_", "time"), Map.entry("plan_", "plan"), Map.entry("vae_", "vae"), Map.entry("val_", "vae"),
            Map.entry("explorer_", "explorer"), Map.entry("prior_", "prior"), Map.entry("reach_", "prior"));

    private TagGroups() {}

    /** The tag of {@code column}. */
    public static String tag(String column) {
        if (column.indexOf('/') >= 0) return column;
        return group(column) + "/" + column;
    }

    /** The group of {@code column} ({@value #OTHER} when no rule names it). */
    public static String group(String column) {
        String g = COLUMNS.get(column);
        if (g != null) return g;
        for (Map.Entry<String, String> p : PREFIXES)
            if (column.startsWith(p.getKey())) return p.getValue();
        return OTHER;
    }
}
