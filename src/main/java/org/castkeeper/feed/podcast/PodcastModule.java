package org.castkeeper.feed.podcast;

import com.rometools.rome.feed.CopyFrom;
import com.rometools.rome.feed.module.Module;

/**
 * Rome module for the Podcasting 2.0 namespace. The channel and each item carry their own kind of data
 * ({@link PodcastChannel}, {@link PodcastItem}); {@link PodcastGenerator} writes both.
 */
public final class PodcastModule implements Module {
    public static final String URI = "https://podcastindex.org/namespace/1.0";
    public static final String PREFIX = "podcast";
    private static final long serialVersionUID = 1L;

    private Object data;

    private PodcastModule(Object data) {
        this.data = data;
    }

    public static PodcastModule of(PodcastChannel channel) {
        return new PodcastModule(channel);
    }

    public static PodcastModule of(PodcastItem item) {
        return new PodcastModule(item);
    }

    /** A {@link PodcastChannel} or a {@link PodcastItem}. */
    public Object data() {
        return data;
    }

    @Override
    public String getUri() {
        return URI;
    }

    @Override
    public Class<? extends CopyFrom> getInterface() {
        return PodcastModule.class;
    }

    @Override
    public void copyFrom(CopyFrom other) {
        data = ((PodcastModule) other).data;
    }

    @Override
    public Object clone() {
        // The data are immutable records: sharing them is a safe copy.
        return new PodcastModule(data);
    }
}
