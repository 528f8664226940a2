package sectar.sim.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import sectar.sim.io.AtomicFiles;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes frames as an animated, endlessly looping GIF with the JDK's ImageIO GIF writer, atomically.
 * The frame delay and the loop live in per-frame metadata (the graphic control extension and the
 * NETSCAPE2.0 application extension), which ImageIO exposes only as a metadata tree.
 */
public final class GifWriter {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifWriter() {}

    /** @param delayMs display time of each frame (GIF stores hundredths of a second) */
    public static void write(List<BufferedImage> frames, int delayMs, Path target) throws IOException {
        if (frames.isEmpty()) throw new IllegalArgumentException("a GIF needs at least one frame, got none");
        if (delayMs < 10 || delayMs > 655_350) throw new IllegalArgumentException("frame delay must be in [10, 655350] ms, got " + delayMs);
        AtomicFiles.write(target, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
                for (int i = 0; i < frames.size(); i++) {
                    BufferedImage img = frames.get(i);
                    IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
                    annotate(meta, delayMs / 10, i == 0);
                    writer.writeToSequence(new IIOImage(img, null, meta), null);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    private static void annotate(IIOMetadata meta, int delayCs, boolean first) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayCs));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 = forever
            apps.appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++)
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
