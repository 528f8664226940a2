/**
 * The SeCTAR trajectory VAE: trajectory encoder, free-running state decoder and policy decoder, trained
 * jointly on NLL/T + 2 KL + 100 BC (spec 3-4.1), plus the batched inference calls the planner and the
 * rollouts use, and the optional decoder-only fit of the state decoder to chunks the policy decoder
 * executed ({@link sectar.agent.vae.DecoderFit}). Public inputs and outputs are flat row-major float
 * arrays and records; ND4J stays inside.
 */
package sectar.agent.vae;
