package org.castkeeper.feed.spotify;

import com.rometools.rome.feed.module.Module;
import java.util.Locale;
import org.castkeeper.feed.rome.NamespaceParser;
import org.jdom2.Element;

/** Reads spotify:limit and spotify:countryOfOrigin from a channel, as {@link SpotifyGenerator} writes them. */
public final class SpotifyParser extends NamespaceParser {
    public SpotifyParser() {
        super(SpotifyGenerator.NAMESPACE);
    }

    @Override
    public Module parse(Element channel, Locale locale) {
        Element limit = child(channel, "limit");
        Integer recent = limit == null ? null : wholeNumber(attribute(limit, "recentCount"));
        String country = text(channel, "countryOfOrigin");
        if (recent == null && country == null) {
            return null;
        }
        return new SpotifyModule(recent, country == null ? null : country.toLowerCase(Locale.ROOT));
    }
}
