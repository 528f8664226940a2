package sectar.agent.rl;

import java.util.SplittableRandom;
import sectar.agent.nn.Adam;
import sectar.agent.nn.Mlp;
import sectar.agent.nn.MlpRuns;
import sectar.agent.nn.ParamStore;

/**
 * A learned state-value baseline: an MLP {@code [in, hidden..., 1]} in float with its own Adam,
 * regressed on return targets by {@code 0.5 * mean((V - target)^2)} one minibatch at a time. PPO's
 * baseline and RND's intrinsic-return head are each one.
 */
public final class ValueNet {
    private final ParamStore store = new ParamStore(false);
    private final MlpRuns runs;
    private final Adam adam;

    /**
     * @param name         parameter-name prefix (checkpoint keys)
     * @param inputDim     input width
     * @param hidden       hidden widths, at least one
     * @param learningRate Adam step size
     * @param adamEps      Adam epsilon
     * @param init         stream for the weight init
     */
    public ValueNet(String name, int inputDim, int[] hidden, double learningRate, double adamEps, SplittableRandom init) {
        if (hidden.length == 0) throw new IllegalArgumentException("value net " + name + " needs at least one hidden layer");
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = inputDim;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 1;
        runs = new MlpRuns(new Mlp(store, name, sizes, init));
        adam = new Adam(store.list(), learningRate, adamEps);
    }

    /** The parameters (checkpoints). */
    public ParamStore params() { return store; }

    /** The optimiser (checkpoints). */
    public Adam optimizer() { return adam; }

    /** V for rows {@code rows} of {@code inputs} (all when null). */
    public double[] predict(double[][] inputs, int[] rows) { return runs.forward(inputs, rows); }

    /**
     * One Adam step on rows {@code rows} of the batch towards {@code targets} (indexed like
     * {@code inputs}); returns the loss before the step.
     */
    public double step(double[][] inputs, int[] rows, double[] targets) {
        int m = rows.length;
        Mlp.Run run = runs.of(m);
        double[] v = run.forward(MlpRuns.gather(inputs, rows, runs.net().in()));
        double[] dv = new double[m];
        double loss = 0;
        for (int k = 0; k < m; k++) {
            double d = v[k] - targets[rows[k]];
            loss += 0.5 * d * d / m;
            dv[k] = d / m;
        }
        store.zeroGrad();
        run.backward(dv);
        adam.step();
        return loss;
    }
}
