package org.castkeeper.admin.episodes;

import java.util.List;

/** What the episode list shows: one page of a search. */
public record EpisodesPage(
        String csrf,
        String query,
        int page,
        int pages,
        int total,
        List<Row> rows,
        long uploadLimitBytes,
        String uploadLimitText,
        String notice) {

    /** One episode, formatted for the table. */
    public record Row(int id, String title, String state, String date, String duration, String size) {}
}
