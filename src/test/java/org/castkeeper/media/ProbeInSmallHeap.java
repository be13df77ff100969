package org.castkeeper.media;

import java.nio.file.Path;

/** Run in a child JVM with a tiny heap by AudioProbeLongFileIT: prints "durationMillis frames". */
public final class ProbeInSmallHeap {
    private ProbeInSmallHeap() {}

    public static void main(String[] args) throws Exception {
        AudioFacts facts = new AudioProbe().probe(Path.of(args[0]));
        System.out.println(facts.durationMillis() + " " + facts.frameCount());
    }
}
