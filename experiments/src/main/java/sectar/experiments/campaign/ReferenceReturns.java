package sectar.experiments.campaign;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sectar.sim.Episode;
import sectar.sim.Policy;
import sectar.sim.Seeds;
import sectar.sim.tasks.Tasks;

/**
 * The scripted expert's and a uniform random policy's mean return on an instance: the two ends of the
 * expert-normalised score. The episodes and their seeds are those of {@code sectar check-env <task>
 * --episodes 5} (run seed 0, streams {@code check-env/<task>/<k>/<policy>/<e>}), so the numbers equal
 * the ones it prints (committed in results/tasks/check-env.txt).
 *
 * @param expert mean return of the scripted expert
 * @param random mean return of the uniform random policy
 */
public record ReferenceReturns(double expert, double random) {
    /** Episodes per policy, as {@code check-env --episodes 5}. */
    public static final int EPISODES = 5;

    private static final Map<String, ReferenceReturns> CACHE = new ConcurrentHashMap<>();

    /** (return - random) / (expert - random): 0 for the random policy, 1 for the expert; NaN if they tie. */
    public double normalize(double ret) {
        return expert == random ? Double.NaN : (ret - random) / (expert - random);
    }

    /** The reference returns of {@code task} instance {@code k} (computed once per JVM). */
    public static ReferenceReturns of(String task, int k) {
        return CACHE.computeIfAbsent(task + "/" + k, key -> new ReferenceReturns(
                meanReturn(task, k, Tasks.expert(task, k), "expert"),
                meanReturn(task, k, Policy.random(Tasks.spec(task, k).actionSpace()), "random")));
    }

    private static double meanReturn(String task, int k, Policy policy, String name) {
        double total = 0;
        for (int e = 0; e < EPISODES; e++) {
            String stream = "check-env/" + task + "/" + k + "/" + name + "/" + e;
            total += Episode.run(Tasks.make(task, k), policy, Seeds.derive(0, stream + "/reset"), Seeds.rng(0, stream + "/actions")).totalReward();
        }
        return total / EPISODES;
    }
}
