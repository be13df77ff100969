package org.castkeeper.web;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Cuts a request whose body arrives slower than a minimum rate once a grace period has passed, so that a client
 * trickling a form or an upload (a "slow POST" attack) cannot hold a worker thread for long. A body that stops
 * altogether is cut by the connection's idle timeout instead.
 *
 * <p>Jetty's own MinimumDataRateHandler does the same check without a grace period: a 100-byte sign-in form that
 * arrives in one packet after 150 ms of network latency measures 670 bytes a second and would be cut at 1 KiB/s.
 * The grace lets every small body through whole and still stops a trickle within seconds.
 */
final class SlowBodyGuard extends Handler.Wrapper {
    private final long minBytesPerSecond;
    private final long graceNanos;

    SlowBodyGuard(long minBytesPerSecond, Duration grace) {
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new Guarded(request), response, callback);
    }

    private final class Guarded extends Request.Wrapper {
        private final long started = NanoTime.now();
        private long bytesRead;
        private volatile Content.Chunk tooSlow;

        Guarded(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk failure = tooSlow;
            if (failure != null) {
                return failure;
            }
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                bytesRead += chunk.remaining();
            }
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            long elapsed = NanoTime.since(started);
            if (elapsed > graceNanos && bytesRead * 1_000_000_000L / elapsed < minBytesPerSecond) {
                tooSlow = Content.Chunk.from(
                        new TimeoutException(
                                "The request body arrived slower than " + minBytesPerSecond + " bytes a second"),
                        true);
                demandCallback.run();
                return;
            }
            super.demand(demandCallback);
        }
    }
}
