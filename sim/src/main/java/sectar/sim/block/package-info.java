/**
 * The block task ({@link sectar.sim.block.BlockTask}: a fist carries four objects one after the other to
 * their goals) and its scripted controller ({@link sectar.sim.block.BlockExpert}). Depends on the contract
 * ({@code sectar.sim}) and {@code sectar.sim.physics}; the registry ({@code sectar.sim.tasks}) names it, it
 * never calls the registry.
 */
package sectar.sim.block;
