/**
 * Measurements behind {@code sectar bench}: env step rates of the tasks and raw JBox2D scenes built
 * exactly like the C++ Box2D reference ({@code box2d_ref.cpp}), so Java/C++ ratios compare like with like.
 */
package sectar.experiments.bench;
