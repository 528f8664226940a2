/**
 * Tiny dense-reward environments for fast learning tests of the RL code (as Stable-Baselines3 ships
 * its identity envs): plain Java, no physics engine, solvable in seconds.
 */
package sectar.sim.toy;
