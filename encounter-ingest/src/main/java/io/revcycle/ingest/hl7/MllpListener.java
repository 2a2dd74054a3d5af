package io.revcycle.ingest.hl7;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import io.revcycle.events.Transport;
import io.revcycle.ingest.security.ApiKeys;
import io.revcycle.ingest.validation.Problem;
import io.revcycle.ingest.validation.Rule;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The MLLP listener hospital interface engines connect to: frames are {@code <VT> message <FS><CR>},
 * one ACK frame answers each message on the same connection. The sending application (MSH-3) must
 * be a configured source system; MLLP carries no credential, so the port belongs behind the
 * network controls of the interface VPN.
 */
@Context
@Requires(property = "revcycle.ingest.mllp.enabled", notEquals = "false")
public final class MllpListener {

    private static final Logger LOG = LoggerFactory.getLogger(MllpListener.class);
    private static final int START_BLOCK = 0x0B;
    private static final int END_BLOCK = 0x1C;
    private static final int CARRIAGE_RETURN = 0x0D;
    private static final byte[] OVERSIZE = new byte[0];

    private final Hl7Intake hl7;
    private final List<String> sources;
    private final int maxFrame;
    private final ServerSocket server;
    private final ExecutorService connections;

    MllpListener(Hl7Intake hl7, ApiKeys keys,
                 @Value("${revcycle.ingest.mllp.port:2575}") int port,
                 @Value("${micronaut.server.max-request-size:10MB}") @ReadableBytes long maxFrame) throws IOException {
        this.hl7 = hl7;
        this.sources = List.copyOf(keys.sourceSystems());
        this.maxFrame = (int) Math.min(Integer.MAX_VALUE, maxFrame);
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(port));
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mllp-connection");
            t.setDaemon(true);
            return t;
        });
        Thread acceptor = new Thread(this::acceptLoop, "mllp-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("MLLP listener on port {}", server.getLocalPort());
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return server.getLocalPort();
    }

    @PreDestroy
    void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> serve(socket));
            } catch (IOException ex) {
                if (!server.isClosed()) {
                    LOG.warn("MLLP accept failed: {}", ex.toString());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            byte[] frame;
            while ((frame = readFrame(in)) != null) {
                String ack = frame == OVERSIZE ? Hl7Acks.ack(DftMessageReader.Header.UNKNOWN, Hl7Acks.Code.AR, null,
                        List.of(new Problem(Rule.FORMAT, "MSH", "message larger than the configured limit")))
                        : answer(frame);
                out.write(START_BLOCK);
                out.write(ack.getBytes(StandardCharsets.UTF_8));
                out.write(END_BLOCK);
                out.write(CARRIAGE_RETURN);
                out.flush();
            }
        } catch (IOException ex) {
            LOG.debug("MLLP connection closed: {}", ex.toString());
        }
    }

    private String answer(byte[] frame) {
        String text = new String(frame, StandardCharsets.UTF_8);
        try {
            return hl7.process(text, null, sources, Transport.MLLP).get(60, TimeUnit.SECONDS).ack();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Hl7Acks.unavailable(DftMessageReader.Header.UNKNOWN);
        } catch (Exception ex) {
            LOG.warn("MLLP message could not be processed: {}", ex.getClass().getName());
            return Hl7Acks.unavailable(DftMessageReader.Header.UNKNOWN);
        }
    }

    /**
     * The next frame's content, {@link #OVERSIZE} when it exceeds the limit (read to its end and
     * dropped, so the connection stays in step), or null at end of stream. Bytes outside frames are
     * skipped.
     */
    private byte[] readFrame(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
            if (b == -1) {
                return null;
            }
        } while (b != START_BLOCK);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(4096);
        boolean oversize = false;
        while (true) {
            b = in.read();
            if (b == -1) {
                return null;
            }
            if (b == END_BLOCK) {
                int next = in.read();
                if (next == CARRIAGE_RETURN || next == -1) {
                    return oversize ? OVERSIZE : frame.toByteArray();
                }
                frame.write(b);
                b = next;
            }
            if (frame.size() >= maxFrame) {
                oversize = true;
                frame.reset();
            }
            frame.write(b);
        }
    }
}
