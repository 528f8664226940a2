/**
 * Headless pictures of episodes: {@link sectar.sim.render.FrameRenderer} draws one frame of a JBox2D
 * task with Java2D, {@link sectar.sim.render.Recorder} runs a policy and keeps every k-th frame, and
 * {@link sectar.sim.render.GifWriter} / {@link sectar.sim.render.PngWriter} write them atomically.
 */
package sectar.sim.render;
