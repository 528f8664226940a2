/**
 * Comparison campaigns: a task's {@link sectar.experiments.campaign.Experiment} (algorithms, presets,
 * budgets, seeds, instances) expands into {@link sectar.experiments.campaign.RunSpec}s with stable names
 * ({@code <algo>/i<k>-s<seed>}); {@link sectar.experiments.campaign.CampaignRunner} runs each in its own
 * child process through the {@code sectar train} / {@code sectar resume} CLI, skipping finished runs and
 * resuming stopped ones; {@link sectar.experiments.campaign.Summary} and its plots and README are
 * generated from the runs' files; {@link sectar.experiments.campaign.Report} pools every task's summary
 * with {@link sectar.experiments.campaign.Statistics} (interquartile means, stratified bootstrap).
 */
package sectar.experiments.campaign;
