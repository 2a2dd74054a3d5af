package io.revcycle.deploy.simulator;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes one outgoing interchange (999, 277CA or 835) with StAEDI: one ISA/GS, any number of
 * transaction sets whose SE01 is counted here, and the GE/IEA trailers.
 */
final class X12Output {

    /** A composite element: its components in order. */
    record Composite(List<String> components) {
        static Composite of(String... components) {
            return new Composite(List.of(components));
        }
    }

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
    private static final Schema CONTROL_SCHEMA;

    static {
        try {
            CONTROL_SCHEMA = SchemaFactory.newFactory().getControlSchema(EDIStreamConstants.Standards.X12, new String[] {"00501"});
        } catch (EDISchemaException e) {
            throw new IllegalStateException("StAEDI ships the X12 00501 envelope schema", e);
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    private final EDIStreamWriter writer;
    private final String controlNumber;
    private final long groupNumber;
    private int transactionSets;
    private int transactionSegments;
    private String transactionControlNumber;

    /**
     * Starts the interchange: ISA and GS.
     *
     * @param functionalId GS01: FA (999), HN (277), HP (835)
     * @param guide        GS08 implementation guide
     */
    X12Output(String senderId, String receiverId, long controlNumber, LocalDateTime createdAt, String functionalId,
              String guide, String usageIndicator) {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIStreamConstants.Delimiters.SEGMENT, '~');
        factory.setProperty(EDIStreamConstants.Delimiters.DATA_ELEMENT, '*');
        factory.setProperty(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, ':');
        factory.setProperty(EDIStreamConstants.Delimiters.REPETITION, '^');
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        this.writer = factory.createEDIStreamWriter(out);
        this.writer.setControlSchema(CONTROL_SCHEMA);
        this.controlNumber = String.format("%09d", controlNumber);
        this.groupNumber = controlNumber;
        try {
            writer.startInterchange();
            segment("ISA", "00", " ".repeat(10), "00", " ".repeat(10), "ZZ", fixed(senderId, 15), "ZZ",
                    fixed(receiverId, 15), createdAt.format(YYMMDD), createdAt.format(HHMM), "^", "00501",
                    this.controlNumber, "0", usageIndicator, ":");
            segment("GS", functionalId, text(senderId), text(receiverId), X12Values.date(createdAt.toLocalDate()),
                    createdAt.format(HHMM), Long.toString(groupNumber), "X", guide);
        } catch (EDIStreamException e) {
            throw new IllegalStateException("cannot start interchange " + this.controlNumber, e);
        }
    }

    /** Starts a transaction set; ST is the first counted segment. */
    void startTransaction(String type, String guide) {
        transactionSets++;
        transactionSegments = 0;
        transactionControlNumber = String.format("%04d", transactionSets);
        if (guide == null) {
            segment("ST", type, transactionControlNumber);
        } else {
            segment("ST", type, transactionControlNumber, guide);
        }
    }

    void endTransaction() {
        segment("SE", Integer.toString(transactionSegments + 1), transactionControlNumber);
    }

    /**
     * Writes one segment; trailing empty elements and components are left out. Values echoed from a
     * damaged 837 may hold delimiter characters; outside the ISA (which declares them) they become
     * spaces so the answer itself is always well formed.
     */
    void segment(String tag, Object... elements) {
        boolean clean = !tag.equals("ISA");
        try {
            writer.writeStartSegment(tag);
            int last = elements.length;
            while (last > 0 && isEmpty(elements[last - 1])) {
                last--;
            }
            for (int i = 0; i < last; i++) {
                Object element = elements[i];
                if (element instanceof Composite composite) {
                    writer.writeStartElement();
                    int lastComponent = composite.components().size();
                    while (lastComponent > 0 && composite.components().get(lastComponent - 1).isEmpty()) {
                        lastComponent--;
                    }
                    for (int c = 0; c < lastComponent; c++) {
                        String component = clean ? withoutDelimiters(composite.components().get(c)) : composite.components().get(c);
                        if (component.isEmpty()) {
                            writer.writeEmptyComponent();
                        } else {
                            writer.writeComponent(component);
                        }
                    }
                    writer.endElement();
                } else {
                    String value = clean ? withoutDelimiters(render(element)) : render(element);
                    if (value.isEmpty()) {
                        writer.writeEmptyElement();
                    } else {
                        writer.writeElement(value);
                    }
                }
            }
            writer.writeEndSegment();
            transactionSegments++;
        } catch (EDIStreamException e) {
            throw new IllegalStateException("cannot write " + tag + " in interchange " + controlNumber + ": " + e.getMessage(), e);
        }
    }

    /** Closes GE/IEA and returns the interchange. */
    byte[] finish() {
        try {
            segment("GE", Integer.toString(transactionSets), Long.toString(groupNumber));
            segment("IEA", "1", controlNumber);
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("cannot close interchange " + controlNumber, e);
        }
        return out.toByteArray();
    }

    private static String render(Object element) {
        if (element == null) {
            return "";
        }
        if (element instanceof BigDecimal amount) {
            return X12Values.amount(amount);
        }
        return element.toString();
    }

    private static boolean isEmpty(Object element) {
        if (element instanceof Composite composite) {
            return composite.components().stream().allMatch(String::isEmpty);
        }
        return render(element).isEmpty();
    }

    /** Free text upper-cased with delimiter characters replaced, so data can never break the syntax. */
    static String text(String value) {
        return value == null ? "" : withoutDelimiters(value).toUpperCase(Locale.ROOT).strip();
    }

    private static String withoutDelimiters(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c == '*' || c == '~' || c == ':' || c == '^' || c < ' ' ? ' ' : c);
        }
        return out.toString();
    }

    private static String fixed(String value, int width) {
        String text = text(value);
        return text.length() >= width ? text.substring(0, width) : text + " ".repeat(width - text.length());
    }
}
