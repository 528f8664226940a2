/**
 * Model-predictive control in SeCTAR's latent space: candidate latent sequences are decoded by the
 * state model in batched calls, scored with the task's pure sparse reward on the predicted states,
 * and the first latent of the best plan is executed by the policy decoder (receding horizon).
 */
package sectar.planner;
