package org.castkeeper.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.castkeeper.media.Id3Tags.ChapterMark;
import org.castkeeper.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every fixture under src/test/resources/mp3 was made by scripts/make-test-mp3s from three seconds of audio.
 * LAME adds encoder delay and padding, so three seconds come out as 116 frames of 1,152 samples: 3,030 ms.
 */
class AudioProbeTest {
    private final AudioProbe probe = new AudioProbe();

    private AudioFacts probe(String name) throws Exception {
        return probe.probe(Fixtures.mp3(name));
    }

    @Test
    void cbrWithId3v23() throws Exception {
        AudioFacts facts = probe("cbr-id3v23.mp3");
        assertThat(facts.frameCount()).isEqualTo(116);
        assertThat(facts.durationMillis()).isEqualTo(3030);
        assertThat(facts.durationSeconds()).isEqualTo(3);
        assertThat(facts.bitrateKbps()).isEqualTo(64);
        assertThat(facts.variableBitrate()).isFalse();
        assertThat(facts.sampleRate()).isEqualTo(44100);
        assertThat(facts.channels()).isEqualTo(1);
        assertThat(facts.mpegVersion()).isEqualTo("1.0");
        assertThat(facts.mimeType()).isEqualTo("audio/mpeg");
        assertThat(facts.warnings()).isEmpty();
        Id3Tags tags = facts.tags();
        assertThat(tags.id3Version()).isEqualTo("ID3v2.3");
        assertThat(tags.title()).isEqualTo("Morning routine");
        assertThat(tags.artist()).isEqualTo("Dominion");
        assertThat(tags.album()).isEqualTo("Weekly insight with Dominion");
        assertThat(tags.comment()).isEqualTo("Three habits for a calmer start.");
        assertThat(tags.date()).isEqualTo("2025");
        assertThat(tags.genre()).isEqualTo("Podcast");
        assertThat(tags.coverArt()).isEmpty();
        assertThat(tags.chapters()).isEmpty();
    }

    @Test
    void vbrWithXingHeaderCountsFramesNotTheHeader() throws Exception {
        AudioFacts facts = probe("vbr-xing.mp3");
        assertThat(facts.variableBitrate()).isTrue();
        assertThat(facts.frameCount()).isEqualTo(116);
        assertThat(facts.durationMillis()).isEqualTo(3030);
        assertThat(facts.bitrateKbps()).isBetween(32, 128);
        assertThat(facts.warnings()).isEmpty();
    }

    @Test
    void vbrWithoutXingHeaderStillGetsTheRightDuration() throws Exception {
        // ffprobe guesses 2.93 s for this file from its first bitrate; the frames say 3.03 s.
        AudioFacts facts = probe("vbr-no-xing.mp3");
        assertThat(facts.variableBitrate()).isTrue();
        assertThat(facts.frameCount()).isEqualTo(116);
        assertThat(facts.durationMillis()).isEqualTo(3030);
        assertThat(facts.durationSeconds()).isEqualTo(3);
    }

    @Test
    void mpeg2LayerIIIFramesAreHalfTheSizeOfMpeg1Frames() throws Exception {
        AudioFacts facts = probe("mpeg2-22khz.mp3");
        assertThat(facts.mpegVersion()).isEqualTo("2.0");
        assertThat(facts.sampleRate()).isEqualTo(22050);
        assertThat(facts.bitrateKbps()).isEqualTo(32);
        // 117 frames of 576 samples at 22,050 Hz.
        assertThat(facts.durationMillis()).isBetween(3000L, 3100L);
        assertThat(facts.durationSeconds()).isEqualTo(3);
        assertThat(facts.warnings()).isEmpty();
    }

    @Test
    void id3v1Only() throws Exception {
        Id3Tags tags = probe("id3v1-only.mp3").tags();
        assertThat(tags.id3Version()).isEqualTo("ID3v1");
        assertThat(tags.title()).isEqualTo("Old style title");
        assertThat(tags.artist()).isEqualTo("Dominion");
        assertThat(tags.album()).isEqualTo("Archive");
        assertThat(tags.date()).isEqualTo("2019");
        assertThat(tags.comment()).isEqualTo("Tagged with ID3v1 only");
        assertThat(tags.genre()).isEqualTo("Speech");
    }

    @Test
    void id3v1TagIsNotMistakenForAudio() throws Exception {
        AudioFacts facts = probe("id3v1-only.mp3");
        assertThat(facts.frameCount()).isEqualTo(116);
        assertThat(facts.warnings()).isEmpty();
    }

    @Test
    void id3v22ThreeLetterFrames() throws Exception {
        Id3Tags tags = probe("id3v22.mp3").tags();
        assertThat(tags.id3Version()).isEqualTo("ID3v2.2");
        assertThat(tags.title()).isEqualTo("Version two point two");
        assertThat(tags.artist()).isEqualTo("Dominion");
        assertThat(tags.album()).isEqualTo("Legacy");
        assertThat(tags.date()).isEqualTo("2018");
    }

    @Test
    void id3v24Utf8WithNonLatinTextAndEmojiWinsOverId3v1() throws Exception {
        AudioFacts facts = probe("id3v24-utf8.mp3");
        Id3Tags tags = facts.tags();
        assertThat(tags.id3Version()).isEqualTo("ID3v2.4");
        assertThat(tags.title()).isEqualTo("Сон и тревога 🌙 心の健康");
        assertThat(tags.artist()).isEqualTo("Dominion Ọlá");
        assertThat(tags.album()).isEqualTo("Weekly insight");
        assertThat(tags.comment()).isEqualTo("Notes: café, naïve, 😀");
        assertThat(tags.date()).isEqualTo("2025-03-14");
        assertThat(facts.frameCount()).isEqualTo(116);
    }

    @Test
    void chaptersFromChapAndCtocFrames() throws Exception {
        Id3Tags tags = probe("chapters.mp3").tags();
        assertThat(tags.title()).isEqualTo("Episode with chapters");
        assertThat(tags.chapters())
                .containsExactly(
                        new ChapterMark(0, 1000L, "Welcome", null),
                        new ChapterMark(1000, 2000L, "Sleep & stress", null),
                        new ChapterMark(2000, 3000L, "What to try this week", null));
    }

    @Test
    void embeddedCoverArt() throws Exception {
        Id3Tags tags = probe("cover-art.mp3").tags();
        assertThat(tags.title()).isEqualTo("With cover art");
        assertThat(tags.coverArt()).hasValueSatisfying(image -> {
            assertThat(image.mimeType()).isEqualTo("image/jpeg");
            assertThat(image.extension()).isEqualTo("jpg");
            assertThat(image.bytes()).startsWith((byte) 0xFF, (byte) 0xD8);
        });
    }

    @Test
    void untaggedFileHasNoTagsButFullAudioFacts() throws Exception {
        AudioFacts facts = probe("untagged.mp3");
        assertThat(facts.tags()).isEqualTo(Id3Tags.NONE);
        assertThat(facts.durationMillis()).isEqualTo(3030);
    }

    @Test
    void junkBeforeTheFirstFrameIsSkippedWithAWarning() throws Exception {
        AudioFacts facts = probe("junk-before-audio.mp3");
        assertThat(facts.frameCount()).isEqualTo(116);
        assertThat(facts.durationMillis()).isEqualTo(3030);
        assertThat(facts.warnings()).containsExactly("Skipped 700 bytes of unknown data before the audio.");
    }

    @Test
    void truncatedFileIsAcceptedWithAWarningAndTheDurationOfWhatIsThere() throws Exception {
        AudioFacts facts = probe("truncated.mp3");
        // 15,000 bytes: the Info frame plus 70 whole frames of 209 bytes and a piece of the next.
        assertThat(facts.frameCount()).isEqualTo(70);
        assertThat(facts.durationMillis()).isEqualTo(70 * 1152 * 1000L / 44100);
        assertThat(facts.warnings()).anySatisfy(w -> assertThat(w).contains("truncated"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            reject-empty.mp3  | The file is empty
            reject-text.mp3   | This is a text file
            reject-wav.mp3    | This is a WAV file
            reject-adts.mp3   | This is AAC audio (ADTS)
            reject-mp2.mp3    | This is MPEG layer II audio (MP2)
            reject-random.mp3 | No MPEG audio was found
            """)
    void filesThatAreNotMp3AreRejectedWithAReasonAHostUnderstands(String name, String reason) {
        assertThatThrownBy(() -> probe(name)).isInstanceOf(AudioRejected.class).hasMessageStartingWith(reason);
    }

    @Test
    void anM4aIsReadFromItsMovieBoxWhateverItsName() throws Exception {
        for (Path file : List.of(Fixtures.resource("m4a/short.m4a"), Fixtures.resource("m4a/aac-in-mp3-name.mp3"))) {
            AudioFacts facts = probe.probe(file);
            assertThat(facts.mimeType()).isEqualTo("audio/x-m4a");
            assertThat(facts.durationMillis()).isEqualTo(500);
            assertThat(facts.sampleRate()).isEqualTo(44100);
            assertThat(facts.channels()).isEqualTo(2);
            assertThat(facts.mpegVersion()).isEqualTo("AAC");
            assertThat(facts.bitrateKbps()).isEqualTo((int) Math.round(3054 * 8.0 / 500));
        }
    }

    @Test
    void anMp4WithAPictureTrackIsAVideoAndRefused() {
        assertThatThrownBy(() -> probe.probe(Fixtures.resource("m4a/video.mp4")))
                .isInstanceOf(AudioRejected.class)
                .hasMessageStartingWith("This is a video");
    }

    @Test
    void aMissingFileIsAnIoErrorNotARejection() {
        assertThatThrownBy(() -> probe.probe(Path.of("/nonexistent/episode.mp3")))
                .isInstanceOf(java.io.IOException.class);
    }
}
