package sectar.experiments.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers of the run presets that depend on the task, as data: the resource
 * {@code task-presets.json} beside this class holds one entry per task, so a task's settings sit in one
 * place and no preset switches on task names. Numbers that follow from the task instance itself
 * (episode and segment lengths) are not here: the presets read them from the instance, so a user's
 * instance file with other lengths gets presets that fit it.
 *
 * @param sectar    the released SeCTAR settings (spec section 9) both presets start from
 * @param sectarCpu what the cpu preset changes per task
 * @param oneStep   the one-step-model MPC's released settings
 * @param flat      the flat baselines' settings
 */
public record TaskPresets(Sectar sectar, SectarCpu sectarCpu, OneStep oneStep, Flat flat) {

    /**
     * @param horizon          plan length in segments
     * @param gamma            discount of the plan score
     * @param explorerStarts   explorer rollouts per iteration
     * @param explorerSegments segments per explorer rollout
     * @param initLogStd       initial log sigma of the explorer (continuous actions)
     * @param entropyBonus     explorer entropy bonus
     * @param resetEntropy     explorer reset threshold (0 = never reset)
     * @param mpcEpisodes      parallel MPC episodes per iteration
     * @param candidates       latent sequences per replanning
     * @param replay           replay capacity in segments
     */
    public record Sectar(int horizon, double gamma, int explorerStarts, int explorerSegments, double initLogStd,
                         double entropyBonus, double resetEntropy, int mpcEpisodes, int candidates, int replay) {}

    /**
     * @param resetEntropy  the reset threshold calibrated to the cpu preset's 64-64 explorer with
     *                      {@code sectar calibrate-reset <task> --hidden 64,64 --samples 200} (fresh 64-64
     *                      explorers fall below it as often as fresh released ones fall below the released value)
     * @param mpcEpisodes   parallel MPC episodes (fewer where an episode is 50 segments long)
     * @param executeSteps  env steps per replan (waypoint 5, the lever study's best; block and wheeled 10,
     *                      where 5 would cost about 45 s per iteration; swimmer 50 of its 99-step segments)
     * @param actionRepeat  env steps each explorer action is held
     * @param consistencyRollouts policy-decoder rollouts per consistency update (released 20; swimmer 100,
     *                      the only swimmer lever with paid goals in most seeds, results/levers/swimmer-20min)
     * @param bcWeight      the VAE's behaviour-cloning weight (released 100; swimmer 10, where the state
     *                      decoder fits the swimmer's motion better and 3 of 5 screened seeds paid
     *                      goals, results/levers/swimmer-20min)
     */
    public record SectarCpu(double resetEntropy, int mpcEpisodes, int executeSteps, int actionRepeat, int consistencyRollouts,
                            double bcWeight) {}

    /**
     * @param planSegments      plan length in segments of the instance (released: 190 steps on waypoint, 95
     *                          block, 380 wheeled, 2970 swimmer)
     * @param initialPaths      random-action episodes before the first fit
     * @param pathsPerIteration MPC episodes added per iteration
     * @param candidates        random action sequences per replanning
     */
    public record OneStep(int planSegments, int initialPaths, int pathsPerIteration, int candidates) {}

    /** @param initLogStd initial log sigma of a Gaussian policy (log 20 on wheeled, as the explorer) */
    public record Flat(double initLogStd) {}

    private static final String RESOURCE = "task-presets.json";
    private static final Map<String, TaskPresets> ALL = load();

    /** The presets' numbers for {@code task}; an unknown task is one line naming the known ones. */
    public static TaskPresets of(String task) {
        TaskPresets p = ALL.get(task);
        if (p == null)
            throw new IllegalArgumentException("no preset numbers for task '" + task + "' in " + RESOURCE + "; it has " + ALL.keySet());
        return p;
    }

    private static Map<String, TaskPresets> load() {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        try (InputStream in = TaskPresets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the resource " + RESOURCE + " is missing from the build");
            JsonNode tasks = json.readTree(in).path("tasks");
            Map<String, TaskPresets> out = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) tasks::fields)
                out.put(e.getKey(), json.treeToValue(e.getValue(), TaskPresets.class));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
