package io.revcycle.ingest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import io.revcycle.ingest.validation.Problem;
import io.revcycle.ingest.validation.Rule;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on a raw body before it is parsed, and problems describing why a body could not be read.
 * Parser messages are not passed on: they may quote the input, which may be PHI.
 */
final class JsonBodies {

    private static final Pattern PROPERTY = Pattern.compile("property \\[[^\\]]*?(\\w+)\\]");

    private JsonBodies() {
    }

    /** A problem when the body is empty or not UTF-8. */
    static Optional<Problem> unreadable(byte[] body) {
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return Optional.of(new Problem(Rule.REQUIRED, "", "body is empty"));
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return Optional.empty();
        } catch (CharacterCodingException ex) {
            return Optional.of(new Problem(Rule.SYNTAX, "", "body is not valid UTF-8"));
        }
    }

    /** The problem for a body (or item) the JSON reader refused, with the location or property when known. */
    static Problem unparseable(Throwable error, String pathPrefix) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException jpe && jpe.getLocation() != null
                    && jpe.getLocation() != JsonLocation.NA && jpe.getLocation().getLineNr() > 0) {
                return new Problem(Rule.SYNTAX, pathPrefix, "malformed JSON at line " + jpe.getLocation().getLineNr()
                        + ", column " + jpe.getLocation().getColumnNr());
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : PROPERTY.matcher(t.getMessage());
            if (m != null && m.find()) {
                String prefix = pathPrefix.isEmpty() ? "" : pathPrefix + ".";
                return new Problem(Rule.FORMAT, prefix + m.group(1), "has the wrong JSON type");
            }
        }
        return new Problem(Rule.SYNTAX, pathPrefix, "malformed JSON or wrong JSON types");
    }
}
