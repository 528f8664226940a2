/**
 * Experiment bookkeeping shared by every training command: the run folder with its config.json and
 * metadata.json, the per-iteration metrics.csv (durable, resumable), and console progress. Plots are
 * drawn later from these files alone ({@code sectar.experiments.plot}).
 */
package sectar.experiments.run;
