package org.castkeeper.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the committed test fixtures under src/test/resources. */
public final class Fixtures {
    private Fixtures() {}

    public static Path mp3(String name) {
        return resource("mp3/" + name);
    }

    public static Path resource(String name) {
        URL url = Fixtures.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
