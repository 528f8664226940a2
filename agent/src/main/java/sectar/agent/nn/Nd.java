package sectar.agent.nn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
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
                openblas.blas_set_num_threads(1);
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

    /**
     * c = op(a) * op(b) + beta * c. Straight to OpenBLAS's cblas (the library nd4j-native itself links):
     * {@code Nd4j.gemm} spends ~20 us per call on validation and op setup, cblas ~1 us, which matters for
     * the hundreds of small products per training step. Arrays that are not c-order row-contiguous
     * (never the case here) fall back to {@code Nd4j.gemm}.
     */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb, double beta) {
        if (!rowContiguous(a) || !rowContiguous(b) || !rowContiguous(c) || a.dataType() != c.dataType()
                || b.dataType() != c.dataType()) {
            Nd4j.gemm(a, b, c, ta, tb, 1.0, beta);
            return;
        }
        int m = (int) c.rows(), n = (int) c.columns(), k = (int) (ta ? a.rows() : a.columns());
        int kb = (int) (tb ? b.columns() : b.rows()), ma = (int) (ta ? a.columns() : a.rows()), nb = (int) (tb ? b.rows() : b.columns());
        if (kb != k || ma != m || nb != n)
            throw new IllegalArgumentException("gemm shapes do not fit: op(a) " + ma + "x" + k + ", op(b) " + kb + "x" + nb
                    + ", c " + m + "x" + n);
        int opA = ta ? openblas.CblasTrans : openblas.CblasNoTrans, opB = tb ? openblas.CblasTrans : openblas.CblasNoTrans;
        int lda = (int) a.stride(0), ldb = (int) b.stride(0), ldc = (int) c.stride(0);
        if (c.dataType() == DataType.FLOAT) {
            openblas.cblas_sgemm(openblas.CblasRowMajor, opA, opB, m, n, k, 1f, new FloatPointer(a.data().addressPointer()), lda,
                    new FloatPointer(b.data().addressPointer()), ldb, (float) beta, new FloatPointer(c.data().addressPointer()), ldc);
        } else {
            openblas.cblas_dgemm(openblas.CblasRowMajor, opA, opB, m, n, k, 1.0, new DoublePointer(a.data().addressPointer()), lda,
                    new DoublePointer(b.data().addressPointer()), ldb, beta, new DoublePointer(c.data().addressPointer()), ldc);
        }
    }

    /**
     * Rows [from, to) of {@code c = a * b + beta * c} (no transposes): the same product restricted to a
     * block of output features, so two threads can each take half of a layer's outputs. Each output row
     * depends only on its own row of a, so a split gives the same values as the whole product.
     */
    public static void gemmRows(INDArray a, INDArray b, INDArray c, double beta, int from, int to) {
        if (!rowContiguous(a) || !rowContiguous(b) || !rowContiguous(c) || a.dataType() != c.dataType()
                || b.dataType() != c.dataType())
            throw new IllegalArgumentException("gemmRows needs c-order row-contiguous FLOAT or DOUBLE arrays of one dtype");
        int m = to - from, n = (int) c.columns(), k = (int) a.columns();
        if (b.rows() != k || a.rows() != c.rows() || b.columns() != n || from < 0 || to > c.rows() || m < 1)
            throw new IllegalArgumentException("gemmRows shapes do not fit: a " + a.rows() + "x" + k + ", b " + b.rows()
                    + "x" + b.columns() + ", c " + c.rows() + "x" + n + ", rows [" + from + ", " + to + ")");
        int lda = (int) a.stride(0), ldb = (int) b.stride(0), ldc = (int) c.stride(0);
        int nt = openblas.CblasNoTrans;
        if (c.dataType() == DataType.FLOAT) {
            FloatPointer pa = new FloatPointer(a.data().addressPointer()).position((long) from * lda);
            FloatPointer pc = new FloatPointer(c.data().addressPointer()).position((long) from * ldc);
            openblas.cblas_sgemm(openblas.CblasRowMajor, nt, nt, m, n, k, 1f, pa, lda,
                    new FloatPointer(b.data().addressPointer()), ldb, (float) beta, pc, ldc);
        } else {
            DoublePointer pa = new DoublePointer(a.data().addressPointer()).position((long) from * lda);
            DoublePointer pc = new DoublePointer(c.data().addressPointer()).position((long) from * ldc);
            openblas.cblas_dgemm(openblas.CblasRowMajor, nt, nt, m, n, k, 1.0, pa, lda,
                    new DoublePointer(b.data().addressPointer()), ldb, beta, pc, ldc);
        }
    }

    /** Sets every element of a whole (non-view) array to zero with one memset. */
    public static void zero(INDArray a) {
        if (a.isView()) {
            a.assign(0);
            return;
        }
        org.bytedeco.javacpp.Pointer p = a.data().addressPointer();
        org.bytedeco.javacpp.Pointer.memset(p, 0, a.length() * a.dataType().width());
    }

    private static boolean rowContiguous(INDArray x) {
        return x.rank() == 2 && x.ordering() == 'c' && x.stride(1) == 1 && x.stride(0) >= x.columns()
                && (x.dataType() == DataType.FLOAT || x.dataType() == DataType.DOUBLE);
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

    /** The off-heap FLOAT storage of a contiguous array (or row-range view), index 0 = its first element. */
    public static FloatBuffer floats(INDArray a) {
        if (a.dataType() != DataType.FLOAT) throw new IllegalArgumentException("expected a FLOAT array, got " + a.dataType());
        return a.data().asNioFloat();
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
