/**
 * The wheeled task ({@link sectar.sim.wheeled.WheeledTask}: a differential-drive car visits 50 waypoints
 * in order) and its scripted controller ({@link sectar.sim.wheeled.WheeledExpert}). Depends on the
 * contract ({@code sectar.sim}) and {@code sectar.sim.physics}; the registry ({@code sectar.sim.tasks})
 * names it, it never calls the registry.
 */
package sectar.sim.wheeled;
