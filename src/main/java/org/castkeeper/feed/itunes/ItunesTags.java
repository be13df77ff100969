package org.castkeeper.feed.itunes;

import com.rometools.modules.itunes.EntryInformationImpl;
import com.rometools.modules.itunes.FeedInformationImpl;
import com.rometools.modules.itunes.types.Category;
import com.rometools.modules.itunes.types.Duration;
import com.rometools.modules.itunes.types.Subcategory;
import java.util.List;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeType;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.feed.FeedUrls;
import org.castkeeper.feed.XmlText;

/** Fills Rome's iTunes module from the show settings (channel) and an episode (item). */
public final class ItunesTags {
    private ItunesTags() {}

    public static FeedInformationImpl channel(ShowSettings show, FeedUrls urls) {
        FeedInformationImpl info = new FeedInformationImpl();
        info.setAuthor(XmlText.clean(show.author()));
        info.setOwnerName(XmlText.clean(show.owner().name()));
        info.setOwnerEmailAddress(XmlText.clean(show.owner().publicEmail()));
        info.setImageUri(urls.showArtwork());
        List<Category> categories = show.categories().stream()
                .map(c -> {
                    Category category = new Category(c.category());
                    if (c.subcategory() != null) {
                        category.setSubcategory(new Subcategory(c.subcategory()));
                    }
                    return category;
                })
                .toList();
        info.setCategories(categories);
        info.setExplicitNullable(show.explicit());
        info.setType(show.type());
        info.setNewFeedUrl(show.newFeedUrl());
        info.setBlock(show.blocksApple());
        info.setComplete(show.complete());
        return info;
    }

    /** @param showExplicit the show's explicit flag, for an episode that has none of its own */
    public static EntryInformationImpl item(Episode e, Boolean showExplicit, FeedUrls urls) {
        EntryInformationImpl info = new EntryInformationImpl();
        info.setDuration(new Duration(e.audio().durationSeconds() * 1000L));
        if (e.artworkPath() != null) {
            info.setImageUri(urls.media(e.artworkPath()));
        }
        info.setExplicitNullable(e.explicit() != null ? e.explicit() : showExplicit);
        info.setEpisodeType((e.type() == null ? EpisodeType.FULL : e.type()).code());
        info.setSeason(e.season());
        info.setEpisode(e.episodeNumber());
        return info;
    }
}
