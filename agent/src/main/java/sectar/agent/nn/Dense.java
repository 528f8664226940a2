package sectar.agent.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fully connected layer y = W [x; 1] in feature-by-batch layout: the bias is the last column of
 * {@code W [out, in+1]} and the input buffer carries a constant-1 last row, so one gemm does it all.
 */
public final class Dense {
    final Param w;
    final int in, out;

    public Dense(ParamStore ps, String name, int in, int out, SplittableRandom rng) {
        if (in < 1 || out < 1) throw new IllegalArgumentException("Dense " + name + " needs positive sizes, got " + in + " -> " + out);
        this.in = in;
        this.out = out;
        this.w = ps.create(name + ".W", out, in + 1);
        w.initLinear(in, out, rng);
    }

    public int in() { return in; }

    public int out() { return out; }

    /** y[out, B] = W x, x[in+1, B] with last row 1. */
    void forward(INDArray x, INDArray y) { Nd.gemm(w.value, x, y, false, false, 0); }

    /** Output rows [from, to) of {@link #forward}. */
    void forward(INDArray x, INDArray y, int from, int to) { Nd.gemmRows(w.value, x, y, 0, from, to); }

    /** dW += dy x^T; dx[in+1, B] = W^T dy (its last row is meaningless) when dx is not null. */
    void backward(INDArray dy, INDArray x, INDArray dx) { backward(dy, x, dx, false); }

    /**
     * As {@link #backward(INDArray, INDArray, INDArray)}, the two independent products on two threads
     * when {@code parallel} (they write disjoint buffers, so the result is the same either way).
     */
    void backward(INDArray dy, INDArray x, INDArray dx, boolean parallel) {
        if (dx == null) {
            Nd.gemm(dy, x, w.grad, false, true, 1);
            return;
        }
        Par.both(parallel, () -> Nd.gemm(w.value, dy, dx, true, false, 0), () -> Nd.gemm(dy, x, w.grad, false, true, 1));
    }

    /** Multiply-adds of one product at batch size {@code batch} (to decide whether splitting pays). */
    long macs(int batch) { return (long) out * (in + 1) * batch; }

    /** Re-draws the weights (Xavier) and keeps the bias. */
    void redrawWeights(SplittableRandom rng) { w.redrawLinearWeights(in, out, rng); }
}
