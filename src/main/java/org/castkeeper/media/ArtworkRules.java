package org.castkeeper.media;

import java.awt.color.ColorSpace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Apple's artwork rules: JPEG or PNG, square, 1400 to 3000 pixels, RGB. Only the image header is read, not the
 * pixels.
 */
public final class ArtworkRules {
    public static final int MIN = 1400;
    public static final int MAX = 3000;

    private ArtworkRules() {}

    /** Artwork that breaks a rule; the message says which, in words for the host. */
    public static final class Broken extends org.castkeeper.errors.Refusal {
        Broken(String message) {
            super(Kind.INVALID, "artwork", message);
        }
    }

    /** "jpg" or "png" by the image's first bytes (its signature), or null when it is neither. */
    public static String kind(byte[] head) {
        if (head.length > 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
            return "jpg";
        }
        if (head.length > 3 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "png";
        }
        return null;
    }

    /** "jpg" or "png" for good artwork; otherwise throws with what is wrong. */
    public static String check(byte[] bytes) throws Broken {
        String extension = kind(bytes);
        if (extension == null) {
            throw new Broken("Artwork must be a JPEG or PNG image.");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Broken("This image cannot be read.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width != height) {
                    throw new Broken("Artwork must be square; this image is " + width + " × " + height + " px.");
                }
                if (width < MIN || width > MAX) {
                    throw new Broken("Artwork must be between " + MIN + " and " + MAX + " px square; this image is "
                            + width + " px.");
                }
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                if (!types.hasNext()
                        || types.next().getColorModel().getColorSpace().getType() != ColorSpace.TYPE_RGB) {
                    throw new Broken("Artwork must be in RGB colour (not CMYK or greyscale).");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new Broken("Artwork must be in RGB colour and readable as JPEG or PNG.");
        }
        return extension;
    }
}
