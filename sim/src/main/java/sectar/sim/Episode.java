package sectar.sim;

import java.util.SplittableRandom;

/**
 * The outcome of one episode run to its end.
 *
 * @param totalReward sum of sparse rewards
 * @param finalStage  the stage reached (goals completed in order)
 * @param steps       steps taken
 * @param success     true when every goal was reached
 */
public record Episode(double totalReward, int finalStage, int steps, boolean success) {

    /** Runs {@code policy} on {@code env} from {@code reset(seed)} until terminated or truncated. */
    public static Episode run(Env env, Policy policy, long seed, SplittableRandom rng) {
        double[] obs = env.reset(seed);
        policy.reset();
        double total = 0;
        Step s;
        do {
            s = env.step(policy.act(obs, env.stage(), rng));
            obs = s.observation();
            total += s.reward();
        } while (!s.done());
        return new Episode(total, s.stage(), env.elapsedSteps(), s.stage() >= env.spec().numGoals());
    }
}
