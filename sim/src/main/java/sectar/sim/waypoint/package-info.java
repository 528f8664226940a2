/**
 * The waypoint task ({@link sectar.sim.waypoint.WaypointTask}: a point agent visits 50 waypoints in order
 * by discrete moves, kinematic as released), its scripted controller
 * ({@link sectar.sim.waypoint.WaypointExpert}) and its vector env's form
 * ({@link sectar.sim.waypoint.WaypointBatch}: many envs' positions in arrays, stepped by the same rules). Depends on the contract ({@code sectar.sim}) and
 * {@code sectar.sim.physics}; the registry ({@code sectar.sim.tasks}) names it, it never calls the registry.
 */
package sectar.sim.waypoint;
