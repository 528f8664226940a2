/**
 * The comparison experiments, one per task: each file declares, top to bottom, its campaign (the
 * algorithms, their presets, the equal env-step budget, seeds and instances);
 * {@link sectar.experiments.declared.Experiments} looks them up by task for {@code sectar experiment}.
 */
package sectar.experiments.declared;
