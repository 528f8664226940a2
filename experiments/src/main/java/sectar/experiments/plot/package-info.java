/**
 * Learning-curve plots drawn only from run folders on disk (metrics.csv + config.json), never from a
 * live run: runs that differ only in their seed are pooled into one mean line with a 95% Student-t
 * confidence band. Re-plotting never means re-running.
 */
package sectar.experiments.plot;
