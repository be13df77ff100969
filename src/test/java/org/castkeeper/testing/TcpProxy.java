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
 * {@link #restore()} listens on the same port again.
 */
public final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

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
                            Socket upstream = new Socket(targetHost, targetPort);
                            open.add(client);
                            open.add(upstream);
                            pipe(client, upstream);
                            pipe(upstream, client);
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "tcp-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
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
