package io.revcycle.claims.submission;

import io.revcycle.events.ClaimType;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Write-ahead journal of interchanges handed to the clearinghouse, kept on disk outside Kafka.
 * The hand-over is a side effect the Kafka transaction cannot take back: an entry is written
 * durably before it, so a restart that finds the transaction lost can deliver the very same
 * interchange again instead of building a different one under the same control number.
 * <p>
 * One file per interchange, named by its control number, written under a temporary name, forced
 * to disk and renamed atomically: an entry is either whole or absent.
 */
public final class InterchangeJournal {

    /** A claim as it went into the interchange, with the event id of the READY record that brought it. */
    public record SentClaim(String claimId, String readyEventId) {
    }

    /**
     * One interchange as handed over.
     *
     * @param claims in transaction set order
     */
    public record Entry(long controlNumber, String batchId, String fileName, String payerId, ClaimType claimType,
                        BigDecimal totalCharge, List<SentClaim> claims, byte[] interchange) {

        public Entry {
            claims = List.copyOf(claims);
            interchange = interchange.clone();
        }

        @Override
        public byte[] interchange() {
            return interchange.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry that && controlNumber == that.controlNumber && batchId.equals(that.batchId)
                    && fileName.equals(that.fileName) && payerId.equals(that.payerId) && claimType == that.claimType
                    && totalCharge.equals(that.totalCharge) && claims.equals(that.claims)
                    && Arrays.equals(interchange, that.interchange);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(controlNumber);
        }

        @Override
        public String toString() {
            return "Entry[" + controlNumber + ", " + fileName + ", " + claims.size() + " claims]";
        }
    }

    private static final int FORMAT = 1;
    private static final String SUFFIX = ".interchange";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern ENTRY_NAME = Pattern.compile("\\d{9}" + Pattern.quote(SUFFIX));

    private final Path directory;

    /** Opens (creating it if needed) the journal directory and drops entries a crash left half written. */
    public InterchangeJournal(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(this.directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(TEMP_SUFFIX)).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Writes the entry durably; on return it survives a crash of the process or the machine. */
    public void record(Entry entry) throws IOException {
        Path target = file(entry.controlNumber());
        Path temp = directory.resolve("." + target.getFileName() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            OutputStream stream = Channels.newOutputStream(channel);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
            write(entry, out);
            out.flush();
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    /**
     * The control numbers of every entry, without reading them, in no particular order (control
     * numbers wrap, so ordering is the caller's).
     */
    public List<Long> controlNumbers() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            // only names this journal writes: a stray file in the directory must not stop the claim builder
            return files.map(f -> f.getFileName().toString()).filter(name -> ENTRY_NAME.matcher(name).matches())
                    .map(name -> Long.parseLong(name.substring(0, name.length() - SUFFIX.length()))).toList();
        }
    }

    /** The entry of the control number. */
    public Entry read(long controlNumber) throws IOException {
        return read(Files.readAllBytes(file(controlNumber)));
    }

    /** Removes the entry of the control number, if there is one. */
    public void remove(long controlNumber) throws IOException {
        Files.deleteIfExists(file(controlNumber));
    }

    private Path file(long controlNumber) {
        return directory.resolve(String.format("%09d", controlNumber) + SUFFIX);
    }

    /** Makes the rename itself durable; platforms that cannot open a directory do without. */
    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported here (e.g. Windows); the rename is still atomic
        }
    }

    private static void write(Entry entry, DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeLong(entry.controlNumber());
        out.writeUTF(entry.batchId());
        out.writeUTF(entry.fileName());
        out.writeUTF(entry.payerId());
        out.writeUTF(entry.claimType().name());
        out.writeUTF(entry.totalCharge().toPlainString());
        out.writeInt(entry.claims().size());
        for (SentClaim claim : entry.claims()) {
            out.writeUTF(claim.claimId());
            out.writeUTF(claim.readyEventId());
        }
        byte[] interchange = entry.interchange;
        out.writeInt(interchange.length);
        out.write(interchange);
    }

    private static Entry read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("unknown journal entry format " + format);
        }
        long controlNumber = in.readLong();
        String batchId = in.readUTF();
        String fileName = in.readUTF();
        String payerId = in.readUTF();
        ClaimType type = ClaimType.valueOf(in.readUTF());
        BigDecimal totalCharge = new BigDecimal(in.readUTF());
        int count = in.readInt();
        List<SentClaim> claims = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            claims.add(new SentClaim(in.readUTF(), in.readUTF()));
        }
        byte[] interchange = new byte[in.readInt()];
        in.readFully(interchange);
        return new Entry(controlNumber, batchId, fileName, payerId, type, totalCharge, claims, interchange);
    }
}
