/**
 * Tables computed from run directories: a lever study's returns at wall-clock minutes and final values,
 * mean and 95% Student-t interval over seeds, with the config fields each setting changes.
 */
package sectar.experiments.report;
