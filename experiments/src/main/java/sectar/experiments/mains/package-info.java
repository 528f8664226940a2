/**
 * One Java main per task, each running {@code sectar experiment <task>} with the same options: the
 * entry points above the command line; the experiments themselves are declared in
 * {@code sectar.experiments.declared}.
 */
package sectar.experiments.mains;
