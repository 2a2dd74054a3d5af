package io.revcycle.deploy.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An MLLP sender as an interface engine is one: messages framed {@code <VT> message <FS><CR>} on
 * kept-open TCP connections, one ACK frame read back per message. Connections are pooled so that
 * concurrent senders each have their own; a connection that fails is closed, never reused.
 */
final class MllpClient implements AutoCloseable {

    private static final int START_BLOCK = 0x0B;
    private static final int END_BLOCK = 0x1C;
    private static final int CARRIAGE_RETURN = 0x0D;
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 70_000;

    private final String host;
    private final int port;
    private final ConcurrentLinkedQueue<Socket> idle = new ConcurrentLinkedQueue<>();

    MllpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends the message and returns the ACK's text. */
    String exchange(String message) throws IOException {
        Socket socket = idle.poll();
        if (socket == null) {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
        }
        try {
            OutputStream out = socket.getOutputStream();
            out.write(START_BLOCK);
            out.write(message.getBytes(StandardCharsets.UTF_8));
            out.write(END_BLOCK);
            out.write(CARRIAGE_RETURN);
            out.flush();
            String ack = readFrame(socket.getInputStream());
            idle.offer(socket);
            return ack;
        } catch (IOException ex) {
            socket.close();
            throw ex;
        }
    }

    private static String readFrame(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
            if (b == -1) {
                throw new IOException("connection closed before an acknowledgment");
            }
        } while (b != START_BLOCK);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(512);
        while (true) {
            b = in.read();
            if (b == -1) {
                throw new IOException("connection closed inside an acknowledgment");
            }
            if (b == END_BLOCK) {
                int next = in.read();
                if (next == CARRIAGE_RETURN || next == -1) {
                    return frame.toString(StandardCharsets.UTF_8);
                }
                frame.write(b);
                b = next;
            }
            frame.write(b);
        }
    }

    @Override
    public void close() {
        Socket s;
        while ((s = idle.poll()) != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a pooled connection at shutdown: nothing left to do with it
            }
        }
    }
}
