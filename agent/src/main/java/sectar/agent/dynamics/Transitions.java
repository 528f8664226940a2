package sectar.agent.dynamics;

import java.util.ArrayList;
import java.util.List;

/** A growing data set of (s, a, s') transitions, actions encoded as the model sees them. */
public final class Transitions {
    private final int obsDim, actionDim;
    private final List<float[]> rows = new ArrayList<>();

    public Transitions(int obsDim, int actionDim) {
        this.obsDim = obsDim;
        this.actionDim = actionDim;
    }

    public int obsDim() { return obsDim; }

    public int actionDim() { return actionDim; }

    public int size() { return rows.size(); }

    /** Adds one transition; rejects wrong sizes and non-finite values. */
    public void add(double[] s, float[] a, double[] next) {
        if (s.length != obsDim || next.length != obsDim || a.length != actionDim)
            throw new IllegalArgumentException("transition needs s and s' of length " + obsDim + " and a of length "
                    + actionDim + ", got " + s.length + ", " + a.length + ", " + next.length);
        float[] r = new float[2 * obsDim + actionDim];
        for (int i = 0; i < obsDim; i++) {
            r[i] = (float) s[i];
            r[obsDim + actionDim + i] = (float) (next[i] - s[i]);
        }
        System.arraycopy(a, 0, r, obsDim, actionDim);
        for (float v : r) if (!Float.isFinite(v)) throw new IllegalArgumentException("transition holds a non-finite value");
        rows.add(r);
    }

    /** Row i: [s, a, s' - s]. */
    float[] row(int i) { return rows.get(i); }

    /** Values per row: s, a and s' - s. */
    public int rowLength() { return 2 * obsDim + actionDim; }

    /** Every row concatenated, [size, rowLength] row-major (checkpoints). */
    public float[] toArray() {
        int w = rowLength();
        float[] out = new float[rows.size() * w];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, out, i * w, w);
        return out;
    }

    /** Appends rows saved by {@link #toArray()}. */
    public void addRows(float[] flat) {
        int w = rowLength();
        if (flat.length % w != 0)
            throw new IllegalArgumentException("transition rows have " + w + " values; " + flat.length + " is not a multiple");
        for (int i = 0; i < flat.length; i += w) rows.add(java.util.Arrays.copyOfRange(flat, i, i + w));
    }
}
