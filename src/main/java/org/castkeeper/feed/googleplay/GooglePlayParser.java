package org.castkeeper.feed.googleplay;

import com.rometools.rome.feed.module.Module;
import java.util.Locale;
import org.castkeeper.feed.rome.NamespaceParser;
import org.jdom2.Element;

/** Reads googleplay:block from a channel, as {@link GooglePlayGenerator} writes it ("yes" in any case). */
public final class GooglePlayParser extends NamespaceParser {
    public GooglePlayParser() {
        super(GooglePlayGenerator.NAMESPACE);
    }

    @Override
    public Module parse(Element channel, Locale locale) {
        String block = text(channel, "block");
        return block == null ? null : new GooglePlayModule("yes".equals(block.toLowerCase(Locale.ROOT)));
    }
}
