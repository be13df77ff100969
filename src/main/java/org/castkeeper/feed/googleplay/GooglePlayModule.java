package org.castkeeper.feed.googleplay;

import com.rometools.rome.feed.CopyFrom;
import com.rometools.rome.feed.module.Module;

/**
 * Google's legacy podcast namespace. Only googleplay:block is still worth writing: YouTube Music reads Google's
 * old feed rules, and a host who blocks the show wants to be out of every directory.
 */
public final class GooglePlayModule implements Module {
    public static final String URI = "http://www.google.com/schemas/play-podcasts/1.0";
    public static final String PREFIX = "googleplay";
    private static final long serialVersionUID = 1L;

    private boolean block;

    public GooglePlayModule(boolean block) {
        this.block = block;
    }

    public boolean block() {
        return block;
    }

    @Override
    public String getUri() {
        return URI;
    }

    @Override
    public Class<? extends CopyFrom> getInterface() {
        return GooglePlayModule.class;
    }

    @Override
    public void copyFrom(CopyFrom other) {
        block = ((GooglePlayModule) other).block;
    }

    @Override
    public Object clone() {
        return new GooglePlayModule(block);
    }
}
