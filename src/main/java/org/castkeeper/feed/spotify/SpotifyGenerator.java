package org.castkeeper.feed.spotify;

import com.rometools.rome.feed.module.Module;
import org.castkeeper.feed.rome.NamespaceGenerator;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** Writes spotify:limit and spotify:countryOfOrigin, each only when configured. */
public final class SpotifyGenerator extends NamespaceGenerator {
    public static final Namespace NAMESPACE = Namespace.getNamespace(SpotifyModule.PREFIX, SpotifyModule.URI);

    public SpotifyGenerator() {
        super(NAMESPACE);
    }

    @Override
    public void generate(Module module, Element channel) {
        if (!(module instanceof SpotifyModule spotify)) {
            return;
        }
        if (spotify.limit() != null) {
            channel.addContent(new Element("limit", NAMESPACE)
                    .setAttribute("recentCount", spotify.limit().toString()));
        }
        if (spotify.countryOfOrigin() != null && !spotify.countryOfOrigin().isBlank()) {
            channel.addContent(new Element("countryOfOrigin", NAMESPACE)
                    .setText(spotify.countryOfOrigin().toLowerCase(java.util.Locale.ROOT)));
        }
    }
}
