package sectar.sim.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import sectar.sim.io.AtomicFiles;

import javax.imageio.ImageIO;

/** Writes one frame as a PNG, atomically. */
public final class PngWriter {
    private PngWriter() {}

    public static void write(BufferedImage image, Path target) throws IOException {
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
        });
    }
}
