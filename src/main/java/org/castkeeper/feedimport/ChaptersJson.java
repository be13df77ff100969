package org.castkeeper.feedimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.castkeeper.catalogue.Chapter;

/** Reads a podcast:chapters file (the Podcasting 2.0 JSON chapters format) into Castkeeper's chapters. */
final class ChaptersJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChaptersJson() {}

    /** The chapters with a title and a start time, in start order; chapters marked {@code toc: false} too. */
    static List<Chapter> read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        List<Chapter> chapters = new ArrayList<>();
        for (JsonNode c : root.path("chapters")) {
            Long start = millis(c.get("startTime"));
            String title = c.path("title").asText("").strip();
            if (start == null || title.isEmpty()) {
                continue;
            }
            String url = c.path("url").asText("").strip();
            chapters.add(new Chapter(start, millis(c.get("endTime")), title, url.isEmpty() ? null : url));
        }
        chapters.sort(java.util.Comparator.comparingLong(Chapter::startMillis));
        return chapters;
    }

    /** Whether any chapter has an image, which Castkeeper's chapters do not keep. */
    static boolean hasImages(InputStream in) throws IOException {
        for (JsonNode c : JSON.readTree(in).path("chapters")) {
            if (!c.path("img").asText("").isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static Long millis(JsonNode seconds) {
        if (seconds == null || !seconds.isNumber() && !seconds.isTextual()) {
            return null;
        }
        try {
            BigDecimal s = new BigDecimal(seconds.asText().strip());
            return s.signum() < 0 ? null : s.movePointRight(3).longValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
