package org.castkeeper.media;

import com.mpatric.mp3agic.AbstractID3v2Tag;
import com.mpatric.mp3agic.ID3v1;
import com.mpatric.mp3agic.ID3v1Tag;
import com.mpatric.mp3agic.ID3v2;
import com.mpatric.mp3agic.ID3v24Tag;
import com.mpatric.mp3agic.ID3v2ChapterFrameData;
import com.mpatric.mp3agic.ID3v2ChapterTOCFrameData;
import com.mpatric.mp3agic.ID3v2Frame;
import com.mpatric.mp3agic.ID3v2TagFactory;
import com.mpatric.mp3agic.ID3v2TextFrameData;
import com.mpatric.mp3agic.ID3v2UrlFrameData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.castkeeper.media.Id3Tags.ChapterMark;
import org.castkeeper.media.Id3Tags.EmbeddedImage;

/** Reads ID3v2 (2.2, 2.3, 2.4) from the start of a file and ID3v1 from its end, with mp3agic's tag parsers. */
final class Id3Reader {
    /** A tag bigger than this is skipped rather than read into memory (cover art is rarely over a few MB). */
    static final int MAX_ID3V2_BYTES = 32 * 1024 * 1024;

    private Id3Reader() {}

    /** The ID3v2 tag at the start of the file, and where it ends (0 when there is none). */
    record Leading(ID3v2 tag, long end, List<String> warnings) {}

    static Leading readId3v2(FileWindow file) throws IOException {
        byte[] header = file.read(0, 10);
        if (header.length < 10 || header[0] != 'I' || header[1] != 'D' || header[2] != '3') {
            return new Leading(null, 0, List.of());
        }
        long size = synchsafe(header, 6);
        boolean footer = (header[5] & 0x10) != 0;
        long end = 10 + size + (footer ? 10 : 0);
        if (end > file.size()) {
            return new Leading(null, 0, List.of("The ID3v2 tag claims to be bigger than the file; it was ignored."));
        }
        if (size == 0) {
            // An empty tag: some tools write one after stripping every frame. Nothing to read, nothing wrong.
            return new Leading(null, end, List.of());
        }
        if (end > MAX_ID3V2_BYTES) {
            return new Leading(
                    null,
                    end,
                    List.of("The ID3v2 tag is " + end / (1024 * 1024)
                            + " MB, too big to read; its metadata was ignored."));
        }
        try {
            return new Leading(ID3v2TagFactory.createTag(file.read(0, (int) end)), end, List.of());
        } catch (Exception | StackOverflowError damaged) {
            // mp3agic throws checked exceptions for most damage and unchecked ones for the rest.
            return new Leading(null, end, List.of("The ID3v2 tag is damaged; its metadata was ignored."));
        }
    }

    /** The 128-byte ID3v1 tag at the very end of the file, or null. */
    static ID3v1 readId3v1(FileWindow file) throws IOException {
        if (file.size() < ID3v1Tag.TAG_LENGTH) {
            return null;
        }
        byte[] bytes = file.read(file.size() - ID3v1Tag.TAG_LENGTH, ID3v1Tag.TAG_LENGTH);
        if (bytes[0] != 'T' || bytes[1] != 'A' || bytes[2] != 'G') {
            return null;
        }
        try {
            return new ID3v1Tag(bytes);
        } catch (Exception damaged) {
            return null;
        }
    }

    /** Merges the two tags: every ID3v2 value wins over its ID3v1 twin. */
    static Id3Tags merge(ID3v2 v2, ID3v1 v1) {
        if (v2 == null && v1 == null) {
            return Id3Tags.NONE;
        }
        // mp3agic names its tag classes' versions "2.0", "3.0" and "4.0" for ID3v2.2, 2.3 and 2.4.
        String version = v2 != null ? "ID3v2." + v2.getVersion().charAt(0) : "ID3v1";
        return new Id3Tags(
                version,
                pick(v2 == null ? null : v2.getTitle(), v1 == null ? null : v1.getTitle()),
                pick(v2 == null ? null : v2.getArtist(), v1 == null ? null : v1.getArtist()),
                pick(v2 == null ? null : v2.getAlbum(), v1 == null ? null : v1.getAlbum()),
                pick(v2 == null ? null : v2.getComment(), v1 == null ? null : v1.getComment()),
                pick(v2 == null ? null : date(v2), v1 == null ? null : v1.getYear()),
                pick(v2 == null ? null : v2.getGenreDescription(), v1 == null ? null : v1.getGenreDescription()),
                v2 == null ? null : cover(v2),
                v2 == null ? List.of() : chapters(v2));
    }

    private static String pick(String preferred, String fallback) {
        String p = clean(preferred);
        return p != null ? p : clean(fallback);
    }

    /** Tags often pad with NULs or spaces; an empty value counts as absent. */
    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("\u0000+$", "").strip();
        return t.isEmpty() ? null : t;
    }

    /** ID3v2.4 keeps the date in TDRC; v2.2 and v2.3 in TYE/TYER, with the day and month in TDAT. */
    private static String date(ID3v2 tag) {
        if (tag instanceof ID3v24Tag v24) {
            String time = clean(v24.getRecordingTime());
            if (time != null) {
                return time;
            }
        }
        String year = clean(tag.getYear());
        String ddmm = clean(tag.getDate());
        if (year != null && ddmm != null && ddmm.matches("\\d{4}")) {
            return year + "-" + ddmm.substring(2) + "-" + ddmm.substring(0, 2);
        }
        return year;
    }

    private static EmbeddedImage cover(ID3v2 tag) {
        byte[] bytes = tag.getAlbumImage();
        if (bytes == null || bytes.length < 8) {
            return null;
        }
        // Trust the bytes, not the tag: many taggers write "image/jpg" or nothing at all.
        if ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            return new EmbeddedImage("image/jpeg", bytes);
        }
        if ((bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return new EmbeddedImage("image/png", bytes);
        }
        return null;
    }

    /** CHAP frames in table-of-contents order when a CTOC frame gives one, else by start time. */
    private static List<ChapterMark> chapters(ID3v2 tag) {
        List<ID3v2ChapterFrameData> chaps = tag.getChapters();
        if (chaps == null || chaps.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> order = new HashMap<>();
        List<ID3v2ChapterTOCFrameData> tocs = tag.getChapterTOC();
        if (tocs != null && !tocs.isEmpty() && tocs.get(0).getChildren() != null) {
            String[] children = tocs.get(0).getChildren();
            for (int i = 0; i < children.length; i++) {
                order.put(children[i], i);
            }
        }
        boolean unsync = tag instanceof AbstractID3v2Tag t && t.hasUnsynchronisation();
        List<ID3v2ChapterFrameData> sorted = new ArrayList<>(chaps);
        sorted.sort(
                Comparator.<ID3v2ChapterFrameData>comparingInt(c -> order.getOrDefault(c.getId(), Integer.MAX_VALUE))
                        .thenComparingInt(ID3v2ChapterFrameData::getStartTime));
        List<ChapterMark> marks = new ArrayList<>();
        for (ID3v2ChapterFrameData chap : sorted) {
            String title = null;
            String url = null;
            for (ID3v2Frame sub : chap.getSubframes()) {
                try {
                    if (sub.getId().equals("TIT2")) {
                        title = clean(new ID3v2TextFrameData(unsync, sub.getData())
                                .getText()
                                .toString());
                    } else if (sub.getId().equals("WXXX")) {
                        url = clean(new ID3v2UrlFrameData(unsync, sub.getData()).getUrl());
                    }
                } catch (Exception unreadable) {
                    // A damaged sub-frame loses only its own value.
                }
            }
            long end = chap.getEndTime() & 0xFFFFFFFFL;
            Long endMillis = end == 0xFFFFFFFFL || end <= chap.getStartTime() ? null : end;
            marks.add(new ChapterMark(
                    chap.getStartTime() & 0xFFFFFFFFL,
                    endMillis,
                    title != null ? title : "Chapter " + (marks.size() + 1),
                    url));
        }
        return marks;
    }

    private static long synchsafe(byte[] b, int at) {
        return ((b[at] & 0x7FL) << 21) | ((b[at + 1] & 0x7FL) << 14) | ((b[at + 2] & 0x7FL) << 7) | (b[at + 3] & 0x7FL);
    }
}
