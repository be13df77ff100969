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

    private ArtworkRules() {
    }

    /** Artwork that breaks a rule; the message says which, in words for the host. */
    public static final class Broken extends Exception {
        Broken(String message) {
            super(message);
        }
    }

    /** "jpg" or "png" for good artwork; otherwise throws with what is wrong. */
    public static String check(byte[] bytes) throws Broken {
        String extension;
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            extension = "jpg";
        } else if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            extension = "png";
        } else {
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
                    throw new Broken("Artwork must be between " + MIN + " and " + MAX
                            + " px square; this image is " + width + " px.");
                }
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                if (!types.hasNext() || types.next().getColorModel().getColorSpace().getType() != ColorSpace.TYPE_RGB) {
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
