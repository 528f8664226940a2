/**
 * The flat model-based baseline's learned one-step dynamics: an MLP predicting the normalised state
 * change from the normalised (state, action), trained by mean squared error (Nagabandi et al. 2018).
 */
package sectar.agent.dynamics;
