package sectar.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sectar.sim.Env;
import sectar.sim.Episode;
import sectar.sim.tasks.Tasks;

class RecorderTest {
    @Test
    void recordsEveryKthFrameAndWritesGifAndPng(@TempDir Path dir) throws Exception {
        Env env = Tasks.make("waypoint", 0);
        Recorder.Recording rec = new Recorder(new FrameRenderer(200), 20)
                .record(env, Tasks.expert("waypoint", 0), 1, new SplittableRandom(1));
        Episode ep = rec.episode();
        int expected = 1 + ep.steps() / 20 + (ep.steps() % 20 == 0 ? 0 : 1);
        assertEquals(expected, rec.frames().size());
        Episode plain = Episode.run(Tasks.make("waypoint", 0), Tasks.expert("waypoint", 0), 1, new SplittableRandom(1));
        assertEquals(plain, ep, "recording must not change the episode");
        // the agent moved, so the first and last frames differ
        assertNotEquals(checksum(rec.frames().get(0)), checksum(rec.last()));

        Path gif = dir.resolve("x.gif");
        GifWriter.write(rec.frames(), 50, gif);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(rec.frames().size(), reader.getNumImages(true));
            assertEquals(200, reader.read(0).getWidth());
        }
        Path png = dir.resolve("x.png");
        PngWriter.write(rec.last(), png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(200, back.getWidth());
        assertEquals(200, back.getHeight());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "temp files left behind");
        }
    }

    private static long checksum(BufferedImage img) {
        long h = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) h = 31 * h + img.getRGB(x, y);
        return h;
    }
}
