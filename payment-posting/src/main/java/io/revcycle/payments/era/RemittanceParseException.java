package io.revcycle.payments.era;

/**
 * An 835 that cannot be read: names the file, the segment position, the segment id and the element,
 * so an operator can open the file and see the fault.
 */
public final class RemittanceParseException extends Exception {

    private final String sourceFile;
    private final long segmentPosition;
    private final String segmentId;
    private final Integer elementPosition;
    private final String reason;

    public RemittanceParseException(String sourceFile, long segmentPosition, String segmentId,
                                    Integer elementPosition, String reason) {
        super(describe(sourceFile, segmentPosition, segmentId, elementPosition, reason));
        this.sourceFile = sourceFile;
        this.segmentPosition = segmentPosition;
        this.segmentId = segmentId;
        this.elementPosition = elementPosition;
        this.reason = reason;
    }

    private static String describe(String file, long position, String segmentId, Integer element, String reason) {
        StringBuilder text = new StringBuilder(file).append(": segment ").append(position);
        if (segmentId != null) {
            text.append(" (").append(segmentId);
            if (element != null) {
                text.append(String.format("%02d", element));
            }
            text.append(')');
        }
        return text.append(": ").append(reason).toString();
    }

    public String sourceFile() {
        return sourceFile;
    }

    /** 1-based position of the faulty segment in the file. */
    public long segmentPosition() {
        return segmentPosition;
    }

    /** Tag of the faulty segment, null when the fault is before any segment could be read. */
    public String segmentId() {
        return segmentId;
    }

    /** 1-based element position within the segment, null when the whole segment is at fault. */
    public Integer elementPosition() {
        return elementPosition;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }
}
