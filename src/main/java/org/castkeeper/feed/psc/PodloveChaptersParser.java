package org.castkeeper.feed.psc;

import com.rometools.rome.feed.module.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.castkeeper.feed.itunes.ItunesParser;
import org.castkeeper.feed.rome.NamespaceParser;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** Reads Podlove Simple Chapters written inline in an item, as {@link PodloveChaptersGenerator} writes them. */
public final class PodloveChaptersParser extends NamespaceParser {
    public PodloveChaptersParser() {
        super(Namespace.getNamespace(PodloveChaptersModule.PREFIX, PodloveChaptersModule.URI));
    }

    @Override
    public Module parse(Element item, Locale locale) {
        Element chapters = child(item, "chapters");
        if (chapters == null) {
            return null;
        }
        List<PodloveChaptersModule.Chapter> read = new ArrayList<>();
        for (Element c : children(chapters, "chapter")) {
            Long start = ItunesParser.durationMillis(attribute(c, "start"));
            if (start != null && attribute(c, "title") != null) {
                read.add(new PodloveChaptersModule.Chapter(
                        start, attribute(c, "title"), attribute(c, "href"), attribute(c, "image")));
            }
        }
        return read.isEmpty() ? null : new PodloveChaptersModule(read);
    }
}
