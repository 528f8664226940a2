/**
 * The JBox2D pieces the tasks share: {@link sectar.sim.physics.Box2dTask}, the base class that owns the
 * world, the stage and the step count; {@link sectar.sim.physics.TaskWorld}, the zero-gravity world it
 * reuses across resets, whose broad phase ({@code SmallBroadPhase}) numbers proxies as a fresh world
 * would, so a reset is exact; and the walls of {@link sectar.sim.physics.Arena}. Depends on JBox2D and
 * the contract ({@code sectar.sim}) only.
 */
package sectar.sim.physics;
