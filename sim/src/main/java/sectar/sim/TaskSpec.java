package sectar.sim;

/**
 * What a task instance is, independent of any running world: what the CLI lists, what the agent
 * sizes its networks from, and what the planner scores predicted states with.
 *
 * @param taskInstance     the instance as data (start, objects, goals, parameters); the task classes and
 *                         experts read their numbers from it
 * @param observationSpace observation space (SeCTAR's observation: no stage one-hot)
 * @param actionSpace      action space
 * @param episodeSteps     steps per episode (segments x segment length)
 * @param segmentLength    T: actions per SeCTAR segment
 * @param reward           the pure sparse reward with goal tracking
 * @param start            the instance's start state (before any start noise)
 */
public record TaskSpec(TaskInstance taskInstance, Space observationSpace, Space actionSpace,
                       int episodeSteps, int segmentLength, OrderedGoals reward, double[] start) {
    public TaskSpec {
        java.util.Objects.requireNonNull(taskInstance, "taskInstance");
        if (episodeSteps < 1) throw new IllegalArgumentException("episodeSteps must be >= 1, got " + episodeSteps);
        if (segmentLength < 1) throw new IllegalArgumentException("segmentLength must be >= 1, got " + segmentLength);
        if (start.length != observationSpace.dim())
            throw new IllegalArgumentException("start has length " + start.length + ", observation space has "
                    + observationSpace.dim());
        start = start.clone();
    }

    /** The task name ("waypoint", "block", "wheeled", "swimmer", or a toy's). */
    public String name() { return taskInstance.task(); }

    /** The instance's index in its file (0..4 for the bundled ones). */
    public int instance() { return taskInstance.index(); }

    /** A copy: tasks with start noise add it to what this returns. */
    @Override public double[] start() { return start.clone(); }

    public int obsDim() { return observationSpace.dim(); }

    public boolean discrete() { return actionSpace instanceof Space.Discrete; }

    /** Length of the action vector the policy networks output (number of discrete actions, or act dim). */
    public int actionSize() {
        return actionSpace instanceof Space.Discrete d ? d.n() : actionSpace.dim();
    }

    public int maxReturn() { return reward.maxReturn(); }

    /** An action as the networks see it: one-hot of length {@link #actionSize()} when discrete, else a copy. */
    public float[] encodeAction(double[] action) {
        float[] e = new float[actionSize()];
        if (discrete()) e[(int) action[0]] = 1;
        else for (int i = 0; i < e.length; i++) e[i] = (float) action[i];
        return e;
    }

    public int numGoals() { return reward.numGoals(); }

    /**
     * Checks a start for {@link Env#resetTo}: a state of the observation's length with finite values and
     * a stage in {@code [0, numGoals]}; otherwise an error naming the bad value.
     */
    public void checkStart(double[] state, int stage) {
        int dim = obsDim();
        if (state == null || state.length != dim)
            throw new IllegalArgumentException(name() + " state must have length " + dim + ", got length "
                    + (state == null ? "null" : state.length));
        for (int i = 0; i < dim; i++)
            if (!Double.isFinite(state[i]))
                throw new IllegalArgumentException(name() + " state[" + i + "] must be finite, got " + state[i]);
        if (stage < 0 || stage > numGoals())
            throw new IllegalArgumentException("stage must be in [0, " + numGoals() + "], got " + stage);
    }
}
