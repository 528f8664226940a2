/**
 * Tiny environments for fast learning tests of the RL code (as Stable-Baselines3 ships its identity
 * envs): plain Java, no physics engine, solvable in seconds. {@code PointGoal} has a dense reward;
 * {@code DeepSea} a sparse one that only an exploring learner finds.
 */
package sectar.sim.toy;
