package sectar.agent.rl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Diagnostics of one PPO update, each averaged over all minibatch steps of all epochs.
 *
 * @param policyLoss   clipped surrogate loss (including the entropy term)
 * @param valueLoss    0.5 * mean squared error of the value net (0 with the zero baseline)
 * @param approxKl     mean(old log-prob - new log-prob), before each step
 * @param entropy      mean policy entropy
 * @param clipFraction fraction of samples whose ratio was outside [1 - clip, 1 + clip]
 * @param steps        gradient steps taken
 */
public record PpoStats(double policyLoss, double valueLoss, double approxKl, double entropy, double clipFraction,
                       int steps) {
    /** Its metrics.csv columns, in order: policy_loss, value_loss, kl, entropy, clip_fraction. */
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("policy_loss", policyLoss);
        c.put("value_loss", valueLoss);
        c.put("kl", approxKl);
        c.put("entropy", entropy);
        c.put("clip_fraction", clipFraction);
        return c;
    }
}
