package io.revcycle.payments.era;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads 835 health care claim payment/advice interchanges (005010X221A1) with StAEDI. Separators
 * come from the ISA header; every transaction set of every group is returned in file order.
 * Anything StAEDI or the 835 structure rejects (truncation, garbled or wrongly separated data,
 * control counts or numbers that do not agree) is a {@link RemittanceParseException} naming the
 * segment position, segment id and element: a file is read whole or not at all.
 */
public final class Era835Parser {

    /** GS08 prefix of the 835 implementation guide this parser understands. */
    static final String VERSION = "005010X221";

    private final EDIInputFactory factory;

    public Era835Parser() {
        factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
    }

    /** Reads the whole file; returns its transaction sets or fails on the first fault. */
    public List<RemittanceAdvice> parse(InputStream input, String sourceFile) throws RemittanceParseException {
        List<RemittanceAdvice> advices = new ArrayList<>();
        read(input, sourceFile, new Remittance835Assembler(sourceFile, advices::add));
        return advices;
    }

    private void read(InputStream input, String sourceFile, Remittance835Assembler sink)
            throws RemittanceParseException {
        int position = 0;
        X12Segment segment = null;
        boolean inInterchange = false;
        boolean sawInterchange = false;
        String lastTag = null;
        try (EDIStreamReader reader = factory.createEDIStreamReader(input)) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_INTERCHANGE -> {
                        inInterchange = true;
                        sawInterchange = true;
                    }
                    case END_INTERCHANGE -> inInterchange = false;
                    case START_SEGMENT -> {
                        position++;
                        segment = new X12Segment(sourceFile, reader.getText(), position);
                    }
                    case ELEMENT_DATA -> {
                        if (segment != null) {
                            Location at = reader.getLocation();
                            segment.put(at.getElementPosition(), at.getComponentPosition(), reader.getText());
                        }
                    }
                    case END_SEGMENT -> {
                        if (segment != null) {
                            lastTag = segment.tag();
                            sink.accept(segment);
                            segment = null;
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                            throw validationError(sourceFile, reader, position);
                    default -> {
                        // groups, transactions, loops and composites need no action: segments carry the structure
                    }
                }
            }
        } catch (EDIStreamException e) {
            // between two segments the fault belongs to the next one, whose tag could not be read
            long at = segment != null ? position : position + 1;
            String tag = segment != null ? segment.tag() : null;
            Location where = e.getLocation();
            Integer element = segment != null && where != null && where.getElementPosition() > 0
                    ? where.getElementPosition() : null;
            throw new RemittanceParseException(sourceFile, at, tag, element,
                    "unreadable X12" + (lastTag != null && segment == null ? " after " + lastTag : "") + ": "
                            + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new RemittanceParseException(sourceFile, position, lastTag, null, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            // whatever goes wrong inside the reader must not leave the file stuck in the inbox: it is refused like any fault
            throw new RemittanceParseException(sourceFile, Math.max(position, 1), lastTag, null,
                    "unreadable X12: " + firstLine(String.valueOf(e.getMessage())));
        }
        if (!sawInterchange) {
            throw new RemittanceParseException(sourceFile, 1, null, null, "no ISA interchange header");
        }
        if (inInterchange) {
            throw new RemittanceParseException(sourceFile, position, lastTag, null,
                    "file ends inside the interchange (truncated: no IEA)");
        }
    }

    private static RemittanceParseException validationError(String sourceFile, EDIStreamReader reader, int position) {
        Location at = reader.getLocation();
        Integer element = at.getElementPosition() > 0 ? at.getElementPosition() : null;
        String text = reader.hasText() ? reader.getText() : null;
        String reason = reader.getErrorType().name().toLowerCase().replace('_', ' ')
                + (text != null && !text.isEmpty() ? " ('" + text + "')" : "");
        return new RemittanceParseException(sourceFile, position, at.getSegmentTag(), element, reason);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
