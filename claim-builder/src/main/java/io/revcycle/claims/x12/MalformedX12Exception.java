package io.revcycle.claims.x12;

/**
 * X12 that cannot be read, naming the segment and element at fault so the sender can fix it.
 */
public final class MalformedX12Exception extends Exception {

    private final int segmentPosition;
    private final String segmentId;
    private final int elementPosition;

    public MalformedX12Exception(String message, int segmentPosition, String segmentId, int elementPosition) {
        super(message);
        this.segmentPosition = segmentPosition;
        this.segmentId = segmentId;
        this.elementPosition = elementPosition;
    }

    public MalformedX12Exception(String message, int segmentPosition, String segmentId, int elementPosition,
                                 Throwable cause) {
        super(message, cause);
        this.segmentPosition = segmentPosition;
        this.segmentId = segmentId;
        this.elementPosition = elementPosition;
    }

    /** 1-based position of the segment at fault in the interchange; 0 when before the first segment. */
    public int segmentPosition() {
        return segmentPosition;
    }

    /** Tag of the segment at fault, or null when none could be read. */
    public String segmentId() {
        return segmentId;
    }

    /** 1-based element position at fault; 0 when the whole segment is at fault. */
    public int elementPosition() {
        return elementPosition;
    }
}
