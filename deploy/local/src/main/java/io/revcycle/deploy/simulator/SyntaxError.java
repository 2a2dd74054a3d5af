package io.revcycle.deploy.simulator;

/**
 * One fault a 999 reports: the segment (IK3) and, when an element is at fault, the element (IK4).
 *
 * @param segmentId        IK301 segment tag
 * @param segmentPosition  IK302 position in the transaction set (ST is 1)
 * @param loopId           IK303 loop, may be empty
 * @param segmentError     IK304: 3 required segment missing, 8 segment has data element errors
 * @param elementPosition  IK401, 0 when the whole segment is at fault
 * @param elementReference IK402 data element reference number
 * @param elementError     IK403: 1 required element missing, 6 invalid character, 7 invalid code, 8 invalid date
 * @param badValue         IK404 copy of the bad data, may be empty
 */
record SyntaxError(String segmentId, int segmentPosition, String loopId, String segmentError, int elementPosition,
                   String elementReference, String elementError, String badValue) {

    static SyntaxError missingSegment(String segmentId, int position, String loopId) {
        return new SyntaxError(segmentId, position, loopId, "3", 0, "", "", "");
    }

    static SyntaxError badElement(X12Segment segment, int transactionStart, String loopId, int element,
                                  String reference, String error) {
        String value = segment.element(element);
        return new SyntaxError(segment.tag(), segment.position() - transactionStart + 1, loopId, "8", element,
                reference, error, value.length() > 99 ? value.substring(0, 99) : value);
    }
}
