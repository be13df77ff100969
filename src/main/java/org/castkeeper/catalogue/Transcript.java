package org.castkeeper.catalogue;

/**
 * One of an episode's transcripts (podcast:transcript).
 *
 * @param path     the file, relative to the media store
 * @param type     its MIME type: text/vtt, application/x-subrip, application/json, text/html or text/plain
 * @param language the language it is in when that is not the show's, else null
 */
public record Transcript(String path, String type, String language) {
    /** Timed captions (WebVTT, SRT), which apps show as subtitles. */
    public boolean timed() {
        return type.equals("text/vtt") || type.equals("application/x-subrip") || type.equals("application/srt");
    }
}
