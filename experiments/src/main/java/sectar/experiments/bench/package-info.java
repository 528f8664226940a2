/**
 * Measurements behind {@code sectar bench}, kept out of the library jars: env step rates of the tasks
 * and raw JBox2D scenes built exactly like the C++ Box2D reference ({@code box2d_ref.cpp}), so Java/C++
 * ratios compare like with like; timings of the networks' hot paths (VAE step, planning call, PPO
 * update, batch-1 acting) on the PyTorch reference's shapes; and the VAE's learning quality against
 * absolute targets ({@link sectar.experiments.bench.VaeQuality}).
 */
package sectar.experiments.bench;
