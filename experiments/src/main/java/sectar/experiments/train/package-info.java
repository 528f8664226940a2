/**
 * Training jobs behind {@code sectar train}: the flat PPO/TRPO baselines and SeCTAR, each writing a
 * run directory (config, metadata, per-iteration metrics) that plots and comparisons read.
 */
package sectar.experiments.train;
