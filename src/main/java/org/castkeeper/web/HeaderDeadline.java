package org.castkeeper.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new connection must have sent a whole request's headers within a total time. Jetty's idle timeout restarts
 * with every byte, so headers trickled at a byte every few seconds (8 KiB of them) held a connection for hours;
 * thousands of them held the server. Checked once per connection, when the time is up: a connection that by then
 * has not finished its first request's headers is closed. (Later requests on a kept-alive connection are left to
 * the idle timeout: telling a slow header from a long download on it needs Jetty's internals.)
 */
final class HeaderDeadline implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final Connector connector;
    private final Duration deadline;

    /** @param connector whose scheduler times the deadline (it has one once started) */
    HeaderDeadline(Connector connector, Duration deadline) {
        this.connector = connector;
        this.deadline = deadline;
    }

    @Override
    public void onOpened(Connection connection) {
        Scheduler scheduler = connector.getScheduler();
        scheduler.schedule(
                () -> {
                    if (connection.getMessagesIn() == 0
                            && connection.getEndPoint().isOpen()) {
                        LOG.debug(
                                "Closing {}: no complete request headers within {} s",
                                connection.getEndPoint().getRemoteSocketAddress(),
                                deadline.toSeconds());
                        connection.getEndPoint().close();
                    }
                },
                deadline.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {}
}
