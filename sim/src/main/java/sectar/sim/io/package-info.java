/**
 * Durable files: the one atomic-write helper every module uses (checkpoints, metrics, configs,
 * tables, pictures), here because {@code sim} is the module everything else depends on.
 */
package sectar.sim.io;
