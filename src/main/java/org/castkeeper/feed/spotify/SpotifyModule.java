package org.castkeeper.feed.spotify;

import com.rometools.rome.feed.CopyFrom;
import com.rometools.rome.feed.module.Module;

/** Rome module for the Spotify namespace: channel-level spotify:limit and spotify:countryOfOrigin. */
public final class SpotifyModule implements Module {
    public static final String URI = "http://www.spotify.com/ns/rss";
    public static final String PREFIX = "spotify";
    private static final long serialVersionUID = 1L;

    private Integer limit;
    private String countryOfOrigin;

    public SpotifyModule(Integer limit, String countryOfOrigin) {
        this.limit = limit;
        this.countryOfOrigin = countryOfOrigin;
    }

    public Integer limit() {
        return limit;
    }

    public String countryOfOrigin() {
        return countryOfOrigin;
    }

    @Override
    public String getUri() {
        return URI;
    }

    @Override
    public Class<? extends CopyFrom> getInterface() {
        return SpotifyModule.class;
    }

    @Override
    public void copyFrom(CopyFrom other) {
        SpotifyModule o = (SpotifyModule) other;
        limit = o.limit;
        countryOfOrigin = o.countryOfOrigin;
    }

    @Override
    public Object clone() {
        return new SpotifyModule(limit, countryOfOrigin);
    }
}
