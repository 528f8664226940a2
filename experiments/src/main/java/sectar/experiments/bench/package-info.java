/**
 * Measurements behind {@code sectar bench}, kept out of the library jars: env step rates of the tasks
 * and raw JBox2D scenes built exactly like their Box2D C++ twins ({@code bench/peers/scenes_box2d.cpp}),
 * so Java/C++ ratios compare like with like; timings of the networks' hot paths (VAE step, planning
 * call, PPO update, batch-1 acting), whose PyTorch twins are in {@code bench/peers/nn_torch.py}; and the
 * VAE's learning quality against absolute targets ({@link sectar.experiments.bench.VaeQuality}).
 */
package sectar.experiments.bench;
