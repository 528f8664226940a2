package sectar.agent.vae;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The terms of the SeCTAR training loss for one minibatch (spec 4.1), each a batch mean:
 * {@code total = nll + klWeight * kl + bcWeight * bc}.
 *
 * @param total the optimised loss
 * @param nll   Gaussian negative log-likelihood of s_1..s_T under the state decoder, divided by T
 * @param kl    KL(q(z|tau) || N(0, I))
 * @param bc    behaviour-cloning NLL of the actions under the policy decoder, mean over the T+1 pairs
 * @param mse   mean squared error of the predicted means (diagnostic, not optimised)
 * @param bcAccuracy share of the T+1 pairs whose most likely action under the policy decoder is the
 *              stored one (discrete tasks; NaN for continuous ones), a diagnostic
 */
public record Losses(double total, double nll, double kl, double bc, double mse, double bcAccuracy) {
    /** No minibatch: every term NaN. */
    public static final Losses NONE = new Losses(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Its metrics.csv columns as the training loss: vae_loss, vae_nll, vae_kl, vae_bc, vae_mse, bc_accuracy. */
    public Map<String, Object> trainingColumns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("vae_loss", total);
        c.put("vae_nll", nll);
        c.put("vae_kl", kl);
        c.put("vae_bc", bc);
        c.put("vae_mse", mse);
        c.put("bc_accuracy", bcAccuracy);
        return c;
    }

    /**
     * Its metrics.csv columns as the validation loss: val_loss, val_nll, val_mse, val_bc_accuracy, and
     * pd_loglik, the policy decoder's mean log-likelihood per step of the held-out explorer actions under
     * the encoder's latent (how decided the policy decoder is, on continuous tasks too, where
     * bc_accuracy is empty).
     */
    public Map<String, Object> validationColumns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("val_loss", total);
        c.put("val_nll", nll);
        c.put("val_mse", mse);
        c.put("val_bc_accuracy", bcAccuracy);
        c.put("pd_loglik", -bc);
        return c;
    }

    /** The element-wise mean of several minibatches' terms ({@link #NONE} for none). */
    public static Losses mean(java.util.List<Losses> all) {
        if (all.isEmpty()) return NONE;
        double t = 0, n = 0, k = 0, b = 0, m = 0, a = 0;
        for (Losses l : all) {
            t += l.total;
            n += l.nll;
            k += l.kl;
            b += l.bc;
            m += l.mse;
            a += l.bcAccuracy;
        }
        int c = all.size();
        return new Losses(t / c, n / c, k / c, b / c, m / c, a / c);
    }
}
