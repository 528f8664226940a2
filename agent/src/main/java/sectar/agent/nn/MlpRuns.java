package sectar.agent.nn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link Mlp.Run} buffers of one network by batch size, for code that evaluates rows of a
 * {@code double[][]} batch: the few sizes used last are kept (a full batch, a minibatch, the last
 * partial one), so a run whose batches change size does not accumulate buffers.
 */
public final class MlpRuns {
    private static final int KEEP = 4;

    private final Mlp net;
    private final Map<Integer, Mlp.Run> runs = new LinkedHashMap<>(8, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Integer, Mlp.Run> eldest) { return size() > KEEP; }
    };

    public MlpRuns(Mlp net) { this.net = net; }

    public Mlp net() { return net; }

    /** The run for batch size {@code batch}, created on first use. */
    public Mlp.Run of(int batch) { return runs.computeIfAbsent(batch, b -> new Mlp.Run(net, b)); }

    /** Outputs [out * B] (feature-major) for rows {@code rows} of {@code inputs} (all when null). */
    public double[] forward(double[][] inputs, int[] rows) {
        return of(rows == null ? inputs.length : rows.length).forward(gather(inputs, rows, net.in()));
    }

    /**
     * Rows {@code rows} of {@code inputs} (all when null) in the feature-major layout {@code [dim * B]}
     * the runs take: entry {@code j * B + k} is feature j of the k-th row.
     */
    public static double[] gather(double[][] inputs, int[] rows, int dim) {
        int b = rows == null ? inputs.length : rows.length;
        double[] x = new double[dim * b];
        for (int k = 0; k < b; k++) {
            double[] in = inputs[rows == null ? k : rows[k]];
            if (in.length != dim) throw new IllegalArgumentException("row " + k + " has " + in.length + " features, expected " + dim);
            for (int j = 0; j < dim; j++) x[j * b + k] = in[j];
        }
        return x;
    }
}
