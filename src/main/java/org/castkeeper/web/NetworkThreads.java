package org.castkeeper.web;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * The threads Jetty runs on. Network (selector) threads read requests and, through {@link PodcatcherHandler},
 * answer most feed polls themselves; worker threads from the pool take everything that may block (Javalin's
 * routes, media, the database).
 */
final class NetworkThreads {
    /** Uploads hold a worker for their whole length; media and feed requests do not. See {@link RouteLimits}. */
    static final int MAX_WORKERS = 200;
    /** A connection silent this long is closed: an idle keep-alive, or a request or upload that stalled. */
    static final long IDLE_TIMEOUT_MILLIS = 60_000;
    /** Request line and headers together; a podcatcher's are well under 2 KiB. */
    static final int MAX_REQUEST_HEADER_BYTES = 8 * 1024;

    private static final int MIN_WORKERS = 8;
    private static final int IDLE_MILLIS = 60_000;

    private NetworkThreads() {}

    /** Platform threads: the network threads run in a loop for the life of the server and must not be pinned. */
    static ThreadPool workers() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_WORKERS, MIN_WORKERS, IDLE_MILLIS);
        pool.setName("castkeeper-http");
        return pool;
    }

    /**
     * The HTTP listener on {@code host} (null for every interface) and {@code port} (0 for any free one). One
     * network thread per core rather than Jetty's default of one per two cores: here they do the hot path's work
     * instead of only handing it on, so a core without one sits idle under load.
     */
    static final int ACCEPT_QUEUE = 1024;

    /** @param headerDeadline how long a new connection has to send its first request's headers */
    static Connector listener(
            Server server, HttpConfiguration http, String host, int port, java.time.Duration headerDeadline) {
        http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
        http.setSendServerVersion(false);
        // Jetty keeps, per connection, a cache of the header lines it has parsed: 96 KiB each at its default
        // size, allocated once a connection has sent a few requests. A thousand polling podcatchers then held 96 MB,
        // and the server ran out of a 256 MB heap while it rebuilt a 10,000-episode feed (bench-feed publish).
        // Without it a connection costs a few KiB; the common header lines stay in Jetty's shared cache.
        http.setHeaderCacheSize(0);
        int selectors = Math.max(1, Runtime.getRuntime().availableProcessors());
        ServerConnector connector = new ServerConnector(server, -1, selectors, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        // Room for a burst of new connections (the JVM's default backlog is 50): when it is full, the kernel
        // drops the SYN and the client waits a whole second before trying again. nginx asks for 511.
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        connector.addBean(new HeaderDeadline(connector, headerDeadline));
        return connector;
    }
}
