/**
 * Training behind {@code sectar train} and {@code sectar resume}: one {@link sectar.experiments.train.Trainer}
 * contract (SeCTAR, the flat PPO/TRPO baselines, one-step MPC), one driver loop
 * ({@link sectar.experiments.train.TrainingLoop}) that writes metrics rows and checkpoints into a run
 * directory, the {@link sectar.experiments.train.Algorithm} registry, and the config records, built
 * from the preset files ({@link sectar.experiments.train.Presets}) and {@code --set} overrides.
 */
package sectar.experiments.train;
