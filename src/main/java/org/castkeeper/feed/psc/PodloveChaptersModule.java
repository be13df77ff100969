package org.castkeeper.feed.psc;

import com.rometools.rome.feed.CopyFrom;
import com.rometools.rome.feed.module.Module;
import java.util.List;

/**
 * Rome module for Podlove Simple Chapters on an item: the chapters written inline, which Spotify and gPodder read
 * (Apple and Podcasting 2.0 apps read the podcast:chapters JSON, which the feed carries too).
 */
public final class PodloveChaptersModule implements Module {
    public static final String URI = "http://podlove.org/simple-chapters";
    public static final String PREFIX = "psc";
    private static final long serialVersionUID = 1L;

    /** One chapter, with what the spec allows: its start, title, and optionally a link and an image. */
    public record Chapter(long startMillis, String title, String href, String image) {}

    private List<Chapter> chapters;

    public PodloveChaptersModule(List<Chapter> chapters) {
        this.chapters = List.copyOf(chapters);
    }

    public List<Chapter> chapters() {
        return chapters;
    }

    @Override
    public String getUri() {
        return URI;
    }

    @Override
    public Class<? extends CopyFrom> getInterface() {
        return PodloveChaptersModule.class;
    }

    @Override
    public void copyFrom(CopyFrom other) {
        chapters = ((PodloveChaptersModule) other).chapters;
    }

    @Override
    public Object clone() {
        return new PodloveChaptersModule(chapters);
    }
}
