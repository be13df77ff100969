package org.castkeeper.feed.psc;

import com.rometools.rome.feed.module.Module;
import org.castkeeper.feed.rome.NamespaceGenerator;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Writes {@code <psc:chapters version="1.2">} with one {@code <psc:chapter start="HH:MM:SS.mmm" title="…"/>}
 * per chapter (Podlove Simple Chapters 1.2), with {@code href} and {@code image} when known.
 */
public final class PodloveChaptersGenerator extends NamespaceGenerator {
    public static final Namespace NAMESPACE =
            Namespace.getNamespace(PodloveChaptersModule.PREFIX, PodloveChaptersModule.URI);

    public PodloveChaptersGenerator() {
        super(NAMESPACE);
    }

    @Override
    public void generate(Module module, Element item) {
        if (!(module instanceof PodloveChaptersModule psc) || psc.chapters().isEmpty()) {
            return;
        }
        Element chapters = new Element("chapters", NAMESPACE).setAttribute("version", "1.2");
        for (PodloveChaptersModule.Chapter c : psc.chapters()) {
            Element chapter = new Element("chapter", NAMESPACE)
                    .setAttribute("start", normalPlayTime(c.startMillis()))
                    .setAttribute("title", c.title());
            if (c.href() != null) {
                chapter.setAttribute("href", c.href());
            }
            if (c.image() != null) {
                chapter.setAttribute("image", c.image());
            }
            chapters.addContent(chapter);
        }
        item.addContent(chapters);
    }

    /** RFC 2326 normal play time as the spec writes it: "01:02:03.500". */
    static String normalPlayTime(long millis) {
        long seconds = millis / 1000;
        return String.format(
                java.util.Locale.ROOT,
                "%02d:%02d:%02d.%03d",
                seconds / 3600,
                seconds / 60 % 60,
                seconds % 60,
                millis % 1000);
    }
}
