package org.castkeeper.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.HandlerBox;
import org.mp4parser.boxes.iso14496.part12.MediaHeaderBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.sampleentry.AudioSampleEntry;

/**
 * Reads an M4A (AAC audio in an MP4 container) with mp4parser's box reader: the audio track's duration, sample
 * rate and channels from the movie box, the play time from the movie header. The media data is skipped, not read: a two-hour episode is probed on a
 * heap of a few megabytes wherever its movie box sits. A file with a picture track is a video and refused.
 */
final class Mp4Probe {
    private Mp4Probe() {}

    static AudioFacts probe(Path file, long size) throws IOException, AudioRejected {
        MovieBox movie;
        try (IsoFile iso = new IsoFile(file.toString())) {
            movie = iso.getMovieBox();
            if (movie == null) {
                throw new AudioRejected("This MP4 file has no movie header (moov), so it is cut off or damaged."
                        + " Export the episode again.");
            }
            AudioSampleEntry audio = null;
            MediaHeaderBox audioHeader = null;
            for (TrackBox track : movie.getBoxes(TrackBox.class)) {
                HandlerBox handler =
                        track.getMediaBox() == null ? null : track.getMediaBox().getHandlerBox();
                String type = handler == null ? "" : handler.getHandlerType();
                if (type.equals("vide")) {
                    throw new AudioRejected("This is a video (an MP4 with a picture track), not an audio episode."
                            + " Export the sound alone as M4A or MP3.");
                }
                if (type.equals("soun") && audio == null) {
                    audio = org.mp4parser.tools.Path.getPath(track, "mdia/minf/stbl/stsd/mp4a");
                    audioHeader = track.getMediaBox().getMediaHeaderBox();
                    if (audio == null) {
                        throw new AudioRejected("This MP4 holds audio that is not AAC (Apple Lossless or another"
                                + " codec), which podcast apps do not all play. Export the episode as M4A (AAC) or"
                                + " MP3.");
                    }
                }
            }
            if (audio == null || audioHeader == null || audioHeader.getTimescale() <= 0) {
                throw new AudioRejected("This MP4 file has no audio track. Export the episode as M4A or MP3.");
            }
            // The movie's duration is the play time after the edit list (which cuts the encoder's priming
            // samples); the track's own is a little longer. A movie header without one leaves the track's.
            var movieHeader = movie.getMovieHeaderBox();
            long durationMillis = movieHeader != null && movieHeader.getTimescale() > 0 && movieHeader.getDuration() > 0
                    ? movieHeader.getDuration() * 1000 / movieHeader.getTimescale()
                    : audioHeader.getDuration() * 1000 / audioHeader.getTimescale();
            if (durationMillis <= 0) {
                throw new AudioRejected("This M4A file says it plays for 0 seconds. Export the episode again.");
            }
            List<String> warnings = new ArrayList<>();
            int bitrate = (int) Math.round(size * 8.0 / durationMillis);
            return new AudioFacts(
                    size,
                    durationMillis,
                    bitrate,
                    false,
                    (int) audio.getSampleRate(),
                    audio.getChannelCount(),
                    "AAC",
                    0,
                    Id3Tags.NONE,
                    warnings,
                    "audio/x-m4a");
        } catch (RuntimeException damaged) {
            throw new AudioRejected("This MP4 file is damaged and cannot be read (" + damaged.getMessage()
                    + "). Export the episode again.");
        }
    }
}
