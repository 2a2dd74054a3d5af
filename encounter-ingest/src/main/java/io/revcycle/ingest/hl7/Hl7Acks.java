package io.revcycle.ingest.hl7;

import io.revcycle.ingest.hl7.DftMessageReader.Header;
import io.revcycle.ingest.validation.Problem;
import io.revcycle.ingest.validation.Rule;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes HL7 v2.5.1 original-mode acknowledgments: AA accepted, AE refused with one ERR segment per
 * problem (ERR-2 location, ERR-3 HL7 table 0357 code, ERR-4 severity, ERR-8 reason), AR when the
 * message cannot be processed (unreadable, wrong type, service unavailable).
 */
final class Hl7Acks {

    /** Acknowledgment codes (HL7 table 0008). */
    enum Code { AA, AE, AR }

    private static final Pattern LOCATION = Pattern.compile("([A-Z][A-Z0-9]{2})(?:\\((\\d+)\\))?(?:-(\\d+)(?:\\((\\d+)\\))?(?:\\.(\\d+))?)?");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String RECEIVER = "REVCYCLE-INGEST";

    private Hl7Acks() {
    }

    static String ack(Header header, Code code, String text, List<Problem> problems) {
        StringBuilder ack = new StringBuilder(256);
        ack.append("MSH|^~\\&|").append(RECEIVER).append('|').append(esc(header.receivingFacility()))
                .append('|').append(esc(header.sendingApplication())).append('|').append(esc(header.sendingFacility()))
                .append('|').append(ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP))
                .append("||ACK^P03^ACK|").append(UUID.randomUUID().toString().replace("-", "").substring(0, 20))
                .append("|P|2.5.1\r");
        ack.append("MSA|").append(code).append('|').append(esc(header.controlId()));
        if (text != null) {
            ack.append('|').append(esc(text));
        }
        ack.append('\r');
        for (Problem p : problems) {
            ack.append("ERR||").append(location(p.field())).append('|').append(errorCode(p.rule()))
                    .append("|E||||").append(esc(p.message())).append('\r');
        }
        return ack.toString();
    }

    /** AR with ERR 207: the service could not publish; nothing was kept, the sender should resend. */
    static String unavailable(Header header) {
        String ack = ack(header, Code.AR, "service temporarily unavailable; resend later", List.of());
        return ack + "ERR||MSH^1|207^Application internal error^HL70357|E||||nothing was published; resend later\r";
    }

    /** ERR-2 (ERL): segment ^ segment sequence ^ field ^ field repetition ^ component. */
    static String location(String field) {
        Matcher m = LOCATION.matcher(field == null ? "" : field);
        if (!m.matches()) {
            return "";
        }
        StringBuilder erl = new StringBuilder(m.group(1)).append('^').append(m.group(2) == null ? "1" : m.group(2));
        if (m.group(3) != null) {
            erl.append('^').append(m.group(3)).append('^').append(m.group(4) == null ? "1" : m.group(4));
            if (m.group(5) != null) {
                erl.append('^').append(m.group(5));
            }
        }
        return erl.toString();
    }

    /** ERR-3: HL7 table 0357 message error condition codes. */
    private static String errorCode(Rule rule) {
        return switch (rule) {
            case REQUIRED -> "101^Required field missing^HL70357";
            case SYNTAX -> "100^Segment sequence error^HL70357";
            case UNKNOWN_VALUE, CODE_FORMAT -> "103^Table value not found^HL70357";
            case FORMAT, CHARGE_PRECISION, UNITS -> "102^Data type error^HL70357";
            default -> "207^Application internal error^HL70357";
        };
    }

    /** HL7 escape sequences for the delimiters, so a reason can never break the segment. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\E\\");
                case '|' -> out.append("\\F\\");
                case '^' -> out.append("\\S\\");
                case '&' -> out.append("\\T\\");
                case '~' -> out.append("\\R\\");
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
