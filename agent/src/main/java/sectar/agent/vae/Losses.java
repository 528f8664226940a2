package sectar.agent.vae;

/**
 * The terms of the SeCTAR training loss for one minibatch (spec 4.1), each a batch mean:
 * {@code total = nll + klWeight * kl + bcWeight * bc}.
 *
 * @param total the optimised loss
 * @param nll   Gaussian negative log-likelihood of s_1..s_T under the state decoder, divided by T
 * @param kl    KL(q(z|tau) || N(0, I))
 * @param bc    behaviour-cloning NLL of the actions under the policy decoder, mean over the T+1 pairs
 * @param mse   mean squared error of the predicted means (diagnostic, not optimised)
 */
public record Losses(double total, double nll, double kl, double bc, double mse) {}
