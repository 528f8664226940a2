package sectar.agent.nn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The few ND4J operations the networks use, in one place: matrices in feature-by-batch layout
 * ({@code [features, batch]}, c-order), {@code Nd4j.gemm} into preallocated arrays, and bulk copies
 * between off-heap arrays and Java {@code double[]} (where all element-wise math happens; ND4J's
 * element-wise transforms are scalar loops in M2.1, see shared/perf/nd4j-recipe.md).
 *
 * <p>Java-side math is always in double; a FLOAT array is widened on read and narrowed on write, so
 * FLOAT (training) and DOUBLE (gradient checks) run the same code path.
 */
public final class Nd {
    private Nd() {}

    private static volatile boolean initialised;
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    /** One BLAS thread (OpenBLAS threads spin and fight on 2 cores); idempotent. */
    public static void init() {
        if (initialised) return;
        synchronized (Nd.class) {
            if (!initialised) {
                Nd4j.factory().blas().setMaxThreads(1);
                initialised = true;
            }
        }
    }

    /** The dtype from its name ("float" or "double"). */
    public static DataType dtype(boolean dbl) { return dbl ? DataType.DOUBLE : DataType.FLOAT; }

    /** A zeroed c-order matrix. */
    public static INDArray mat(DataType dt, long rows, long cols) {
        init();
        return Nd4j.create(dt, new long[] {rows, cols}, 'c');
    }

    /** Contiguous view of rows [from, to) of a c-order matrix. */
    public static INDArray rows(INDArray m, long from, long to) {
        return m.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /** c = alpha * op(a) * op(b) + beta * c. */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb, double beta) {
        Nd4j.gemm(a, b, c, ta, tb, 1.0, beta);
    }

    /** Copies all elements of a contiguous array (or row-range view) into dst[0..length). */
    public static void read(INDArray a, double[] dst) {
        int n = (int) a.length();
        if (a.dataType() == DataType.DOUBLE) {
            DoubleBuffer b = a.data().asNioDouble();
            b.get(dst, 0, n);
        } else {
            float[] tmp = scratch(n);
            FloatBuffer b = a.data().asNioFloat();
            b.get(tmp, 0, n);
            for (int i = 0; i < n; i++) dst[i] = tmp[i];
        }
    }

    /** Copies src[0..length) into all elements of a contiguous array (or row-range view). */
    public static void write(double[] src, INDArray a) {
        int n = (int) a.length();
        if (a.dataType() == DataType.DOUBLE) {
            DoubleBuffer b = a.data().asNioDouble();
            b.put(src, 0, n);
        } else {
            float[] tmp = scratch(n);
            for (int i = 0; i < n; i++) tmp[i] = (float) src[i];
            FloatBuffer b = a.data().asNioFloat();
            b.put(tmp, 0, n);
        }
    }

    /** Fills a contiguous array (or row-range view) with one value. */
    public static void fill(INDArray a, double v) {
        double[] tmp = new double[(int) a.length()];
        Arrays.fill(tmp, v);
        write(tmp, a);
    }

    private static float[] scratch(int n) {
        float[] s = SCRATCH.get();
        if (s.length < n) {
            s = new float[Math.max(n, s.length * 2)];
            SCRATCH.set(s);
        }
        return s;
    }

    /** Throws naming both lengths when {@code a.length != expected}. */
    public static void checkLength(String what, float[] a, int expected, String shape) {
        if (a == null) throw new IllegalArgumentException(what + " is null, expected shape " + shape);
        if (a.length != expected)
            throw new IllegalArgumentException(what + " has length " + a.length + ", expected " + expected
                    + " (shape " + shape + ")");
    }

    /** Throws naming the first index of a NaN or infinite value. */
    public static void checkFinite(String what, float[] a) {
        for (int i = 0; i < a.length; i++)
            if (!Float.isFinite(a[i]))
                throw new IllegalArgumentException(what + "[" + i + "] must be finite, got " + a[i]);
    }

    /** Both checks at once. */
    public static void checkInput(String what, float[] a, int expected, String shape) {
        checkLength(what, a, expected, shape);
        checkFinite(what, a);
    }
}
