package sectar.agent.loop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import sectar.agent.io.Checkpoint;
import sectar.sim.Space;
import sectar.sim.TaskSpec;

/**
 * An archive of visited states on a grid of cells (Go-Explore, Ecoffet et al. 2019), for the
 * {@code explorer.archiveStarts} lever: the explorer restarts from rarely visited cells instead of only
 * from where the MPC went. A cell is the grid cell of every point the task's reward reads (the goal
 * points' coordinates, {@code reward().xIndex(g)} and the next index: the agent on waypoint, wheeled and
 * swimmer, the four objects on block), {@code grid} cells per side of the observation box along each. Each
 * cell counts the states seen in it and keeps the first one, which a start restores. Cells are kept in
 * the order first seen, so a restored archive picks exactly as the original would.
 */
public final class StateArchive {
    private final int[] coords;
    private final double[] low, high;
    private final int grid, obsDim;
    private final Map<Long, Cell> cells = new LinkedHashMap<>();

    private static final class Cell {
        long count;
        final double[] state;

        Cell(double[] state) { this.state = state.clone(); }
    }

    /** The archive of {@code spec}'s rewarded points, {@code grid} cells per side. */
    public StateArchive(TaskSpec spec, int grid) {
        if (grid < 1) throw new IllegalArgumentException("explorer.archiveGrid must be >= 1, got " + grid);
        TreeSet<Integer> idx = new TreeSet<>();
        for (int g = 0; g < spec.numGoals(); g++) {
            idx.add(spec.reward().xIndex(g));
            idx.add(spec.reward().xIndex(g) + 1);
        }
        coords = idx.stream().mapToInt(Integer::intValue).toArray();
        if (Math.pow(grid, coords.length) >= 0x1p53)
            throw new IllegalArgumentException("explorer.archiveGrid " + grid + " gives " + grid + "^" + coords.length
                    + " cells on task " + spec.name() + ", more than a cell key holds; use a coarser grid");
        Space.Box box = (Space.Box) spec.observationSpace();
        low = new double[coords.length];
        high = new double[coords.length];
        for (int c = 0; c < coords.length; c++) {
            low[c] = box.low()[coords[c]];
            high[c] = box.high()[coords[c]];
            if (!(Double.isFinite(low[c]) && Double.isFinite(high[c])))
                throw new IllegalArgumentException("task " + spec.name() + ": observation " + coords[c] + " is unbounded, no grid fits it");
        }
        this.grid = grid;
        this.obsDim = spec.obsDim();
    }

    /** The cell of {@code state}: its grid index along each rewarded coordinate, as one number. */
    long key(double[] state) {
        long k = 0;
        for (int c = 0; c < coords.length; c++) {
            double u = (state[coords[c]] - low[c]) / (high[c] - low[c]);
            int i = (int) Math.floor(u * grid);
            k = k * grid + Math.max(0, Math.min(grid - 1, i));
        }
        return k;
    }

    /** Counts every state of {@code states}; a state in a new cell becomes that cell's start. */
    public void addAll(List<double[]> states) {
        for (double[] s : states) cells.computeIfAbsent(key(s), k -> new Cell(s)).count++;
    }

    /** Cells seen so far. */
    public int size() { return cells.size(); }

    /** The count of {@code state}'s cell (0 when unseen). */
    public long count(double[] state) {
        Cell c = cells.get(key(state));
        return c == null ? 0 : c.count;
    }

    /** {@code n} stored states drawn with replacement, each cell with weight 1 / sqrt(count + 1). */
    public List<double[]> pick(int n, SplittableRandom rng) {
        if (cells.isEmpty()) throw new IllegalStateException("the archive has no cells to start from");
        List<Cell> list = new ArrayList<>(cells.values());
        double[] cum = new double[list.size()];
        double total = 0;
        for (int i = 0; i < cum.length; i++) cum[i] = total += 1 / Math.sqrt(list.get(i).count + 1);
        List<double[]> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            double u = rng.nextDouble() * total;
            int lo = 0, hi = cum.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] > u) hi = mid;
                else lo = mid + 1;
            }
            out.add(list.get(lo).state.clone());
        }
        return out;
    }

    /** The cells' keys, counts and states in order, under {@code prefix}. */
    public void save(Checkpoint.Builder b, String prefix) {
        int n = cells.size(), o = 0;
        double[] keys = new double[n], counts = new double[n], states = new double[n * obsDim];
        for (Map.Entry<Long, Cell> e : cells.entrySet()) {
            keys[o] = e.getKey();
            counts[o] = e.getValue().count;
            System.arraycopy(e.getValue().state, 0, states, o * obsDim, obsDim);
            o++;
        }
        b.putDoubles(prefix + "keys", keys);
        b.putDoubles(prefix + "counts", counts);
        b.putDoubles(prefix + "states", states);
    }

    /** Replaces the cells with those {@link #save} wrote under {@code prefix}. */
    public void load(Checkpoint c, String prefix) {
        double[] keys = c.getDoubles(prefix + "keys"), counts = c.getDoubles(prefix + "counts"), states = c.getDoubles(prefix + "states");
        if (counts.length != keys.length || states.length != keys.length * obsDim)
            throw new IllegalArgumentException("archive in the checkpoint: " + keys.length + " keys, " + counts.length + " counts and "
                    + states.length + " state values for states of " + obsDim);
        cells.clear();
        for (int i = 0; i < keys.length; i++) {
            Cell cell = new Cell(java.util.Arrays.copyOfRange(states, i * obsDim, (i + 1) * obsDim));
            cell.count = (long) counts[i];
            cells.put((long) keys[i], cell);
        }
    }
}
