package sectar.agent.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) over a fixed list of parameters, PyTorch semantics: bias-corrected moments,
 * {@code p -= lr * m_hat / (sqrt(v_hat) + eps)}, no weight decay, no clipping. Moments are stored in
 * float, as PyTorch stores them for float32 parameters (float parameters are updated in float, double
 * ones in double), so
 * {@link #state()} / {@link #load(Map)} round-trip them exactly and a resumed run continues bitwise.
 */
public final class Adam {
    private final List<Param> params;
    private final float[][] m, v;
    private double lr;
    private final double beta1, beta2, eps;
    private long t;
    private float[] w = new float[0], g = new float[0]; // heap scratch for one parameter's values and gradient

    public Adam(List<Param> params, double lr, double beta1, double beta2, double eps) {
        if (!(lr > 0)) throw new IllegalArgumentException("Adam lr must be > 0, got " + lr);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1))
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        if (!(eps > 0)) throw new IllegalArgumentException("Adam eps must be > 0, got " + eps);
        if (params.isEmpty()) throw new IllegalArgumentException("Adam needs at least one parameter");
        this.params = List.copyOf(params);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        m = new float[params.size()][];
        v = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            m[i] = new float[params.get(i).size()];
            v[i] = new float[params.get(i).size()];
        }
    }

    /** Adam with betas 0.9 / 0.999. */
    public Adam(List<Param> params, double lr, double eps) { this(params, lr, 0.9, 0.999, eps); }

    /** Parameters of at least this many scalars are updated as two halves on two threads. */
    static final int SPLIT = 1 << 15;

    private volatile boolean parallel = true;

    /** Whether large parameters are updated on two threads (the result is the same either way); default true. */
    public void setParallel(boolean p) { parallel = p; }

    public double learningRate() { return lr; }

    public void setLearningRate(double lr) {
        if (!(lr > 0)) throw new IllegalArgumentException("Adam lr must be > 0, got " + lr);
        this.lr = lr;
    }

    /** Number of steps taken. */
    public long steps() { return t; }

    /** One update from the parameters' accumulated gradients (which it leaves untouched). */
    public void step() {
        t++;
        double bc1 = 1 - Math.pow(beta1, t), bc2 = Math.sqrt(1 - Math.pow(beta2, t));
        double stepSize = lr / bc1;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (p.value.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT) stepFloat(p, m[i], v[i], stepSize, bc2);
            else stepDouble(p, m[i], v[i], stepSize, bc2);
        }
    }

    /**
     * A float parameter updated in float, as PyTorch does for float32: one bulk copy of the values and
     * the gradient into heap scratch, a vectorisable loop, one copy back. A large parameter is done as
     * two halves on two threads when {@link #setParallel parallel} (element-wise, so the same result).
     */
    private void stepFloat(Param p, float[] mi, float[] vi, double stepSize, double bc2) {
        int n = p.size();
        if (w.length < n) {
            w = new float[n];
            g = new float[n];
        }
        float ss = (float) stepSize, invBc2 = (float) (1 / bc2);
        int half = n / 2;
        if (n >= SPLIT) Par.both(parallel, () -> range(p, mi, vi, 0, half, ss, invBc2), () -> range(p, mi, vi, half, n, ss, invBc2));
        else range(p, mi, vi, 0, n, ss, invBc2);
    }

    private void range(Param p, float[] mi, float[] vi, int from, int to, float ss, float invBc2) {
        int len = to - from;
        java.nio.FloatBuffer vb = Nd.floats(p.value), gb = Nd.floats(p.grad);
        float[] wl = w, gl = g;
        vb.get(from, wl, from, len);
        gb.get(from, gl, from, len);
        float b1 = (float) beta1, c1 = (float) (1 - beta1), b2 = (float) beta2, c2 = (float) (1 - beta2), e = (float) eps;
        for (int k = from; k < to; k++) {
            float gk = gl[k];
            float mk = b1 * mi[k] + c1 * gk, vk = b2 * vi[k] + c2 * gk * gk;
            mi[k] = mk;
            vi[k] = vk;
            wl[k] -= ss * mk / ((float) Math.sqrt(vk) * invBc2 + e);
        }
        vb.put(from, wl, from, len);
    }

    /** A double parameter (gradient checks) updated in double; the moments are still stored in float. */
    private void stepDouble(Param p, float[] mi, float[] vi, double stepSize, double bc2) {
        double[] w = p.get(), g = p.gradient();
        for (int k = 0; k < w.length; k++) {
            double gk = g[k];
            mi[k] = (float) (beta1 * mi[k] + (1 - beta1) * gk);
            vi[k] = (float) (beta2 * vi[k] + (1 - beta2) * gk * gk);
            w[k] -= stepSize * mi[k] / (Math.sqrt(vi[k]) / bc2 + eps);
        }
        p.set(w);
    }

    /** "m/&lt;param&gt;", "v/&lt;param&gt;" moments and "t" (one value), as float arrays. */
    public Map<String, float[]> state() {
        Map<String, float[]> s = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            s.put("m/" + params.get(i).name(), m[i].clone());
            s.put("v/" + params.get(i).name(), v[i].clone());
        }
        s.put("t", new float[] {t}); // exact up to 2^24 steps
        return s;
    }

    /** Restores {@link #state()}; wrong or missing entries throw naming the parameter and both sizes. */
    public void load(Map<String, float[]> s) {
        for (int i = 0; i < params.size(); i++)
            for (String k : new String[] {"m/", "v/"}) {
                Param p = params.get(i);
                float[] a = s.get(k + p.name());
                if (a == null || a.length != p.size())
                    throw new IllegalArgumentException("Adam state " + k + p.name() + " must have shape "
                            + java.util.Arrays.toString(p.shape()) + " (" + p.size() + " values), got "
                            + (a == null ? "none" : a.length + " values"));
            }
        float[] ts = s.get("t");
        if (ts == null || ts.length != 1 || !(ts[0] >= 0))
            throw new IllegalArgumentException("Adam state t must be one value >= 0, got " + (ts == null ? "none" : java.util.Arrays.toString(ts)));
        for (int i = 0; i < params.size(); i++) {
            m[i] = s.get("m/" + params.get(i).name()).clone();
            v[i] = s.get("v/" + params.get(i).name()).clone();
        }
        t = (long) ts[0];
    }
}
