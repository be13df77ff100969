package org.castkeeper.testing;

import java.time.Instant;
import java.util.List;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.EpisodeAudio;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.NewEpisode;

/** Ready-made episodes for tests. */
public final class Episodes {
    private Episodes() {}

    public static EpisodeAudio audio(String name) {
        return new EpisodeAudio(name + ".mp3", 24_449, "audio/mpeg", sha256(name), 3, 64, false, 44100, 1);
    }

    /** A stand-in content hash: unique per name, shaped like the real thing. */
    public static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static NewEpisode draft(String title) {
        return new NewEpisode(
                title,
                "<p>Notes for " + title + "</p>",
                EpisodeState.DRAFT,
                null,
                audio(title),
                "Dominion",
                "Weekly insight",
                null,
                List.of());
    }

    public static NewEpisode published(String title, Instant at) {
        return new NewEpisode(
                title, "<p>Notes</p>", EpisodeState.PUBLISHED, at, audio(title), "Dominion", null, null, List.of());
    }

    public static NewEpisode withChapters(String title, List<Chapter> chapters) {
        return new NewEpisode(title, "", EpisodeState.DRAFT, null, audio(title), null, null, null, chapters);
    }
}
