package org.castkeeper.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on 127.0.0.1 that a test can cut and restore, to put a real server (PostgreSQL) out of reach
 * and back without stopping it for the other tests: {@link #cut()} closes every connection and refuses new ones,
 * {@link #restore()} listens on the same port again. {@link #whenForwarded} runs an action once so many bytes have
 * gone to the server: to stop it in the middle of a request, at a point the test chooses, without a sleep.
 */
public final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private final java.util.concurrent.atomic.AtomicLong forwarded = new java.util.concurrent.atomic.AtomicLong();
    private volatile long threshold = Long.MAX_VALUE;
    private volatile Runnable atThreshold = () -> {};

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        listen(first);
    }

    public int port() {
        return port;
    }

    private void listen(ServerSocket socket) {
        server = socket;
        Thread accept = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try {
                            Socket client = socket.accept();
                            Socket upstream;
                            try {
                                upstream = new Socket(targetHost, targetPort);
                            } catch (IOException refused) {
                                close(client); // as the server itself would: the connection is refused
                                continue;
                            }
                            open.add(client);
                            open.add(upstream);
                            pipe(client, upstream, true);
                            pipe(upstream, client, false);
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "tcp-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** Runs {@code action} once, on a forwarding thread, when {@code bytes} in all have gone to the server. */
    public void whenForwarded(long bytes, Runnable action) {
        atThreshold = action;
        threshold = forwarded.get() + bytes;
    }

    private void pipe(Socket from, Socket to, boolean toServer) {
        Thread t = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        byte[] buffer = new byte[64 * 1024];
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            out.write(buffer, 0, n);
                            if (toServer) {
                                long before = forwarded.getAndAdd(n);
                                if (before < threshold && before + n >= threshold) {
                                    atThreshold.run();
                                }
                            }
                        }
                    } catch (IOException ended) {
                        // One side closed: so does the other.
                    } finally {
                        close(from);
                        close(to);
                    }
                },
                "tcp-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    /** Every connection closed, and no new one accepted: the server behind is out of reach. */
    public void cut() throws IOException {
        server.close();
        for (Socket s : open) {
            close(s);
        }
        open.clear();
    }

    /** Listening again on the same port. */
    public void restore() throws IOException {
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listen(again);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
