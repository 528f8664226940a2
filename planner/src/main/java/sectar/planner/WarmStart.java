package sectar.planner;

/**
 * A search's memory of each problem's last plan. At the next replan (one segment later) the plan
 * shifted by one segment, its new last segment at the prior's mean 0, is where the search starts and
 * one of its first candidates, so a replan never scores below the continuation of the previous plan
 * under the same model.
 */
final class WarmStart {
    private float[][] previous;

    /**
     * The previous plans shifted by one segment, [m][h * latentDim]; null before the first plan or when
     * the number of problems changed (the plans belong to other episodes).
     */
    float[][] shifted(int m, int h, int latentDim) {
        if (previous == null || previous.length != m) return null;
        int dim = h * latentDim;
        float[][] s = new float[m][dim];
        for (int p = 0; p < m; p++) {
            int keep = Math.min(dim, previous[p].length - latentDim);
            System.arraycopy(previous[p], latentDim, s[p], 0, Math.max(0, keep));
        }
        return s;
    }

    /** Remembers this replan's plans, [m][h * latentDim]. */
    void remember(float[][] plans) {
        previous = plans;
    }
}
