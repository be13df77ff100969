package org.castkeeper.media;

import com.mpatric.mp3agic.ID3v1;
import com.mpatric.mp3agic.ID3v1Tag;
import com.mpatric.mp3agic.MpegFrame;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what an MP3 or M4A file holds, or says in plain words why it is neither. M4A (AAC in MP4) is read by
 * {@link Mp4Probe}; everything else must be MP3.
 *
 * <p>The file is read through a 64 KiB window, so memory use does not grow with the file: a two-hour episode is
 * probed on a heap of a few megabytes. The only things held whole are the ID3v2 tag (capped, see
 * {@link Id3Reader#MAX_ID3V2_BYTES}) and the 128-byte ID3v1 tag.
 */
public final class AudioProbe {

    public AudioFacts probe(Path file) throws IOException, AudioRejected {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (ContainerSniffer.isMp4(file, size)) {
                return Mp4Probe.probe(file, size);
            }
            ContainerSniffer.rejectKnownImpostors(file, size);
            FileWindow window = new FileWindow(channel, size);

            Id3Reader.Leading leading = Id3Reader.readId3v2(window);
            ID3v1 v1 = Id3Reader.readId3v1(window);
            long audioLimit = v1 != null ? size - ID3v1Tag.TAG_LENGTH : size;

            MpegFrameScanner.Scan scan = MpegFrameScanner.scan(window, leading.end(), audioLimit);
            if (scan == null) {
                throw new AudioRejected("No MPEG audio was found in this file, so it is not an MP3."
                        + " Export the episode as MP3 and try again.");
            }
            String layer = scan.first().layer();
            if (!MpegFrame.MPEG_LAYER_3.equals(layer)) {
                throw new AudioRejected("This is MPEG layer " + layer + " audio (MP" + (layer.equals("II") ? 2 : 1)
                        + "), not MP3 (layer III). Export the episode as MP3.");
            }
            List<String> warnings = new ArrayList<>(leading.warnings());
            warnings.addAll(scan.warnings());
            return new AudioFacts(
                    size,
                    scan.durationMillis(),
                    scan.averageBitrateKbps(),
                    scan.variable(),
                    scan.first().sampleRate(),
                    scan.first().mono() ? 1 : 2,
                    scan.first().version(),
                    scan.frames(),
                    Id3Reader.merge(leading.tag(), v1),
                    warnings,
                    "audio/mpeg");
        }
    }
}
