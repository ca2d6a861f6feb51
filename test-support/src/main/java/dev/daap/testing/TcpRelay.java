package dev.daap.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain TCP relay on 127.0.0.1 in front of a real server, passing bytes both ways untouched, that a test can use to
 * break connections (as a reset on the network would) while the server goes on as it was: at once, or each after so
 * many bytes of the server's answer, which makes a break happen at a known point of a long download (the kernel's
 * buffers would otherwise hold the whole answer before a test could cut it). Not a stand-in for the server: every
 * byte comes from the real one.
 */
public final class TcpRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile long answerLimit = Long.MAX_VALUE;

    private TcpRelay(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    public static TcpRelay to(String host, int port) {
        try {
            var relay = new TcpRelay(
                    new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), new InetSocketAddress(host, port));
            Thread.ofVirtual().name("tcp-relay-accept").start(relay::accept);
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections relayed so far: a test sees that a client really opened a new one. */
    public int connections() {
        return accepted.get();
    }

    /** Closes every connection open through the relay now; new ones are relayed as before. */
    public void cut() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /**
     * Cuts the connections open now, and from now on closes each new connection once it carried {@code bytes} from
     * the server to the client.
     */
    public void breakEachConnectionAfter(long bytes) {
        answerLimit = bytes;
        cut();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(server);
                accepted.incrementAndGet();
                long limit = answerLimit;
                Thread.ofVirtual().start(() -> pump(client, server, Long.MAX_VALUE));
                Thread.ofVirtual().start(() -> pump(server, client, limit));
            } catch (IOException e) {
                // closed: the relay ends
            }
        }
    }

    private void pump(Socket from, Socket to, long limit) {
        byte[] buffer = new byte[64 * 1024];
        long passed = 0;
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n; passed < limit && (n = in.read(buffer)) >= 0; ) {
                int allowed = (int) Math.min(n, limit - passed);
                out.write(buffer, 0, allowed);
                passed += allowed;
            }
        } catch (IOException e) {
            // one side went away: the other goes too, below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        cut();
    }
}
