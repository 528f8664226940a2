package sectar.sim;

/**
 * The result of one environment step.
 *
 * @param observation the new observation (a fresh array the caller may keep)
 * @param reward      the sparse task reward of this step
 * @param terminated  the MDP ended: the final stage was reached
 * @param truncated   cut off from outside: the episode length was reached (set by {@link TimeLimit})
 * @param stage       index of the next goal (or object) after this step; never decreases
 */
public record Step(double[] observation, double reward, boolean terminated, boolean truncated, int stage) {
    public boolean done() { return terminated || truncated; }
}
