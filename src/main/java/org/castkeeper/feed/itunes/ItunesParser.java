package org.castkeeper.feed.itunes;

import com.rometools.modules.itunes.AbstractITunesObject;
import com.rometools.modules.itunes.EntryInformationImpl;
import com.rometools.modules.itunes.FeedInformationImpl;
import com.rometools.modules.itunes.types.Category;
import com.rometools.modules.itunes.types.Duration;
import com.rometools.modules.itunes.types.Subcategory;
import com.rometools.rome.feed.module.Module;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.castkeeper.feed.rome.NamespaceParser;
import org.jdom2.Element;

/**
 * Reads the iTunes tags {@link ItunesGenerator} writes into Rome's iTunes beans, as leniently as Apple reads them
 * from other hosts: explicit as yes/no/true/false/clean in any case, durations as seconds, M:SS or H:MM:SS with or
 * without fractions, block and complete as "Yes" in any case.
 */
public final class ItunesParser extends NamespaceParser {
    public ItunesParser() {
        super(ItunesGenerator.NAMESPACE);
    }

    @Override
    public Module parse(Element element, Locale locale) {
        return isItem(element) ? item(element) : channel(element);
    }

    private FeedInformationImpl channel(Element c) {
        FeedInformationImpl info = new FeedInformationImpl();
        common(c, info);
        Element owner = child(c, "owner");
        if (owner != null) {
            info.setOwnerName(text(owner, "name"));
            info.setOwnerEmailAddress(text(owner, "email"));
        }
        List<Category> categories = new ArrayList<>();
        for (Element category : children(c, "category")) {
            if (attribute(category, "text") == null) {
                continue;
            }
            Category read = new Category(attribute(category, "text"));
            Element sub = child(category, "category");
            if (sub != null && attribute(sub, "text") != null) {
                read.setSubcategory(new Subcategory(attribute(sub, "text")));
            }
            categories.add(read);
        }
        info.setCategories(categories);
        String type = text(c, "type");
        info.setType(type == null ? null : type.toLowerCase(Locale.ROOT));
        info.setNewFeedUrl(text(c, "new-feed-url"));
        info.setComplete("yes".equalsIgnoreCase(text(c, "complete")));
        return info;
    }

    private EntryInformationImpl item(Element i) {
        EntryInformationImpl info = new EntryInformationImpl();
        common(i, info);
        info.setTitle(text(i, "title"));
        Long millis = durationMillis(text(i, "duration"));
        info.setDuration(millis == null ? null : new Duration(millis));
        String type = text(i, "episodeType");
        info.setEpisodeType(type == null ? null : type.toLowerCase(Locale.ROOT));
        info.setSeason(wholeNumber(text(i, "season")));
        info.setEpisode(wholeNumber(text(i, "episode")));
        return info;
    }

    private void common(Element e, AbstractITunesObject info) {
        info.setAuthor(text(e, "author"));
        Element image = child(e, "image");
        if (image != null) {
            info.setImageUri(attribute(image, "href"));
        }
        info.setExplicitNullable(explicit(text(e, "explicit")));
        info.setBlock("yes".equalsIgnoreCase(text(e, "block")));
        info.setSummary(text(e, "summary"));
        info.setSubtitle(text(e, "subtitle"));
    }

    /** Apple's true/false, the older yes/no and "clean" (not explicit), in any case; null for anything else. */
    public static Boolean explicit(String s) {
        if (s != null && s.strip().equalsIgnoreCase("clean")) {
            return Boolean.FALSE;
        }
        if (s != null && s.strip().equalsIgnoreCase("explicit")) {
            return Boolean.TRUE;
        }
        return yesNo(s);
    }

    /** "3600", "3600.5", "59:30", "1:02:03", "01:02:03.250" in milliseconds; null when unreadable. */
    public static Long durationMillis(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String[] parts = s.strip().split(":", -1);
        if (parts.length > 3) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            BigDecimal part;
            try {
                part = last ? new BigDecimal(parts[i]) : BigDecimal.valueOf(Long.parseLong(parts[i]));
            } catch (NumberFormatException e) {
                return null;
            }
            if (part.signum() < 0) {
                return null;
            }
            total = total.multiply(BigDecimal.valueOf(60)).add(part);
        }
        return total.movePointRight(3).longValue();
    }
}
