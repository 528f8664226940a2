/**
 * One experiment main per task: each file declares, top to bottom, its comparison campaign (the
 * algorithms, their presets, the equal env-step budget, seeds and instances) and runs it as
 * {@code sectar experiment <task>} does. {@link sectar.experiments.mains.Experiments} looks them up by task.
 */
package sectar.experiments.mains;
