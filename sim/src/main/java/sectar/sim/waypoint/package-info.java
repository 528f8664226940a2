/**
 * The waypoint task ({@link sectar.sim.waypoint.WaypointTask}: a point agent visits 50 waypoints in order
 * by discrete moves, kinematic as released) and its scripted controller
 * ({@link sectar.sim.waypoint.WaypointExpert}). Depends on the contract ({@code sectar.sim}) and
 * {@code sectar.sim.physics}; the registry ({@code sectar.sim.tasks}) names it, it never calls the registry.
 */
package sectar.sim.waypoint;
