package org.castkeeper.media;

/** The file is not MP3 audio Castkeeper can publish. The message is written for the host, not for a developer. */
public final class Mp3Rejected extends org.castkeeper.errors.Refusal {
    public Mp3Rejected(String reason) {
        super(Kind.INVALID, reason);
    }
}
