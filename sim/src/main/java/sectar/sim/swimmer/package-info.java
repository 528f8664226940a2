/**
 * The swimmer task ({@link sectar.sim.swimmer.SwimmerTask}: a three-link swimmer in a viscous medium
 * brings its centre of mass to 10 targets in order) and its scripted controller
 * ({@link sectar.sim.swimmer.SwimmerExpert}). Depends on the contract ({@code sectar.sim}) and
 * {@code sectar.sim.physics}; the registry ({@code sectar.sim.tasks}) names it, it never calls the registry.
 */
package sectar.sim.swimmer;
