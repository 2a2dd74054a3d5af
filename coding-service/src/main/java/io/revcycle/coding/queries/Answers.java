package io.revcycle.coding.queries;

import io.revcycle.coding.codesets.CodeFormat;
import io.revcycle.events.Code;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.CodingAnswer;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.QueryReason;
import io.revcycle.schemas.EventHeaders;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a coder's answer into a {@link CodingAnswer} event, naming every unusable code. */
public final class Answers {

    private Answers() {
    }

    /** A code the coder chose, before checking. */
    public record Choice(String system, String code) {
    }

    /** The answer event, or the problems that keep it from being one. */
    public record Result(CodingAnswer answer, List<String> problems) {
    }

    public static Result answer(CodingQuery query, String answeredBy, List<Choice> choices, String clarification, Instant now) {
        List<String> problems = new ArrayList<>();
        List<Code> codes = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            CodeSystem system = system(query, c, problems, i);
            if (system == null) {
                continue;
            }
            String value = CodeFormat.normalize(c.code());
            if (!CodeFormat.isWellFormed(system, value)) {
                problems.add("codes[" + i + "].code: '" + c.code() + "' is not a " + system + " code");
                continue;
            }
            codes.add(Code.newBuilder().setSystem(system).setValue(value).build());
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        CodingAnswer answer = CodingAnswer.newBuilder()
                .setHeader(EventHeaders.following(query.getHeader(), EncounterCoder.PRODUCER, null))
                .setQueryId(query.getQueryId())
                .setEncounterId(query.getEncounterId())
                .setEncounterVersion(query.getEncounterVersion())
                .setAnsweredBy(answeredBy)
                .setChosenCodes(codes)
                .setClarification(clarification)
                .setAnsweredAt(now.truncatedTo(ChronoUnit.MILLIS))
                .build();
        return new Result(answer, List.of());
    }

    /** The stated system, else the one the query is about: a diagnosis, or a service line's procedure. */
    private static CodeSystem system(CodingQuery query, Choice c, List<String> problems, int i) {
        if (c.system() != null && !c.system().isBlank()) {
            try {
                return CodeSystem.valueOf(c.system().trim().toUpperCase(Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                problems.add("codes[" + i + "].system: unknown code system '" + c.system() + "'");
                return null;
            }
        }
        if (query.getLineNumber() != null && query.getDiagnosisSequence() == null
                && query.getReason() != QueryReason.MEDICAL_NECESSITY) {
            String value = CodeFormat.normalize(c.code());
            return CodeFormat.isHcpcsLevelTwo(value) ? CodeSystem.HCPCS : CodeSystem.CPT;
        }
        return CodeSystem.ICD10CM;
    }
}
