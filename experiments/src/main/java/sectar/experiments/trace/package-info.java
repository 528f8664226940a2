/**
 * Step traces ({@code sectar trace}): a task stepped through a CSV of actions, one CSV line per step,
 * so another implementation of a task can be held against this one step by step.
 * {@link sectar.experiments.trace.ActionsCsv} reads the actions (a trace's own output included),
 * {@link sectar.experiments.trace.StepTrace} runs them and writes the lines.
 */
package sectar.experiments.trace;
