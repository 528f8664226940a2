package sectar.agent.rl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Diagnostics of one TRPO update.
 *
 * @param lossBefore  surrogate loss -mean(ratio A) at the old parameters (0 up to rounding)
 * @param lossAfter   the same at the parameters kept (equal to lossBefore when reverted)
 * @param meanKl      measured mean KL(old || new) of the step kept (0 when reverted)
 * @param backtracks  line-search shrinks before acceptance (maxBacktracks when reverted)
 * @param accepted    whether a step was kept
 * @param entropy     mean policy entropy before the update
 * @param baselineR2  fraction of return variance the linear baseline explained before refitting
 */
public record TrpoStats(double lossBefore, double lossAfter, double meanKl, int backtracks, boolean accepted,
                        double entropy, double baselineR2) {
    /** Its metrics.csv columns, in order: loss_before, loss_after, kl, entropy, backtracks, accepted (1 or 0). */
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("loss_before", lossBefore);
        c.put("loss_after", lossAfter);
        c.put("kl", meanKl);
        c.put("entropy", entropy);
        c.put("backtracks", backtracks);
        c.put("accepted", accepted ? 1 : 0);
        return c;
    }
}
