package sectar.agent.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One named trainable matrix and its gradient accumulator, both off-heap {@code [rows, cols]} c-order
 * arrays of the model's dtype. Layers add into {@link #grad} (gemm with beta 1); the caller zeroes it
 * before each backward pass.
 */
public final class Param {
    private final String name;
    private final int rows, cols;
    final INDArray value, grad;

    Param(String name, int rows, int cols, DataType dt) {
        if (rows < 1 || cols < 1)
            throw new IllegalArgumentException("param " + name + " needs a positive shape, got [" + rows + ", " + cols + "]");
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.value = Nd.mat(dt, rows, cols);
        this.grad = Nd.mat(dt, rows, cols);
    }

    public String name() { return name; }

    public int rows() { return rows; }

    public int cols() { return cols; }

    public int size() { return rows * cols; }

    public int[] shape() { return new int[] {rows, cols}; }

    /** The values, row-major. */
    public double[] get() {
        double[] v = new double[size()];
        Nd.read(value, v);
        return v;
    }

    /** Overwrites the values (row-major, length rows*cols). */
    public void set(double[] v) {
        if (v.length != size())
            throw new IllegalArgumentException("param " + name + " has " + size() + " values [" + rows + ", " + cols
                    + "], got " + v.length);
        Nd.write(v, value);
    }

    /** The accumulated gradient, row-major. */
    public double[] gradient() {
        double[] g = new double[size()];
        Nd.read(grad, g);
        return g;
    }

    /** Adds {@code g} to the accumulated gradient. */
    public void addGradient(double[] g) {
        double[] cur = gradient();
        for (int i = 0; i < cur.length; i++) cur[i] += g[i];
        Nd.write(cur, grad);
    }

    public void zeroGrad() { Nd.zero(grad); }

    /**
     * Xavier-uniform weights in columns [0, cols-1) and a PyTorch-default bias U(+-1/sqrt(fanIn)) in the
     * last column (the bias column of a layer whose input carries a constant-1 row).
     */
    void initLinear(int fanIn, int fanOut, SplittableRandom rng) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut)), b = 1.0 / Math.sqrt(fanIn);
        double[] v = new double[size()];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                v[r * cols + c] = c == cols - 1 ? uniform(rng, b) : uniform(rng, a);
        set(v);
    }

    /** Re-draws the Xavier weights of a linear layer, keeping its bias column (the released explorer reset). */
    void redrawLinearWeights(int fanIn, int fanOut, SplittableRandom rng) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        double[] v = get();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols - 1; c++) v[r * cols + c] = uniform(rng, a);
        set(v);
    }

    static double uniform(SplittableRandom rng, double bound) {
        return (2 * rng.nextDouble() - 1) * bound;
    }

    @Override public String toString() { return name + "[" + rows + ", " + cols + "]"; }
}
