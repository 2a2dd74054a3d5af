package io.revcycle.ingest.hl7;

import io.revcycle.events.SourceFormat;
import io.revcycle.events.Transport;
import io.revcycle.ingest.hl7.DftMessageReader.Reading;
import io.revcycle.ingest.intake.EncounterIntake;
import io.revcycle.ingest.intake.Unavailable;
import io.revcycle.ingest.validation.Problem;
import io.revcycle.ingest.validation.Rule;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Processes one DFT^P03 for either transport and answers with the ACK text. On MLLP every refusal
 * is also published to the rejected-encounters topic (the interface engine may not surface ACKs).
 */
@Singleton
public final class Hl7Intake {

    /** The acknowledgment and how it ended, for the HTTP status. */
    public record Answer(String ack, Hl7Acks.Code code, boolean unavailable) {
    }

    /** Source system of MLLP messages whose sending application is not a configured source system. */
    static final String UNKNOWN_SOURCE = "unknown";

    private final DftMessageReader reader = new DftMessageReader();
    private final EncounterIntake intake;

    Hl7Intake(EncounterIntake intake) {
        this.intake = intake;
    }

    /**
     * @param text         the message as received
     * @param sourceSystem the source system of the credential, or null to take it from MSH-3 (MLLP)
     * @param knownSources source systems a sending application may name (MLLP)
     */
    public CompletableFuture<Answer> process(String text, String sourceSystem, List<String> knownSources, Transport transport) {
        Reading reading = reader.read(text);
        String source = sourceSystem;
        if (source == null) {
            String sending = reading.header().sendingApplication();
            source = sending != null && knownSources.contains(sending) ? sending : null;
            if (source == null && reading.processable()) {
                return refuse(text, UNKNOWN_SOURCE, transport, reading, Hl7Acks.Code.AR,
                        List.of(new Problem(Rule.UNKNOWN_VALUE, "MSH-3", "sending application is not a known source system")));
            }
        }
        String known = source == null ? UNKNOWN_SOURCE : source;
        if (!reading.processable()) {
            return refuse(text, known, transport, reading, Hl7Acks.Code.AR, reading.problems());
        }
        List<Problem> problems = new ArrayList<>(reading.problems());
        if (reading.submission() != null) {
            problems.addAll(Hl7Paths.translate(intake.validate(reading.submission()), reading.fields()));
        }
        if (!problems.isEmpty()) {
            return refuse(text, known, transport, reading, Hl7Acks.Code.AE, problems);
        }
        return intake.accept(reading.submission(), known, SourceFormat.HL7V2)
                .thenApply(o -> new Answer(Hl7Acks.ack(reading.header(), Hl7Acks.Code.AA,
                        "encounter " + o.encounterId() + " version " + o.version() + (o.duplicate() ? " duplicate" : " accepted"),
                        List.of()), Hl7Acks.Code.AA, false))
                .exceptionally(error -> {
                    if (!Unavailable.isUnavailable(error)) {
                        throw new IllegalStateException("encounter could not be published", Unavailable.unwrap(error));
                    }
                    return new Answer(Hl7Acks.unavailable(reading.header()), Hl7Acks.Code.AR, true);
                });
    }

    private CompletableFuture<Answer> refuse(String text, String source, Transport transport, Reading reading,
                                             Hl7Acks.Code code, List<Problem> problems) {
        String ack = Hl7Acks.ack(reading.header(), code, null, problems);
        if (transport != Transport.MLLP) {
            intake.refused(source, SourceFormat.HL7V2);
            return CompletableFuture.completedFuture(new Answer(ack, code, false));
        }
        String externalId = reading.submission() != null && reading.submission().encounterId() != null
                ? reading.submission().encounterId() : reading.header().controlId();
        return intake.refusedAndPublished(source, SourceFormat.HL7V2, transport, externalId,
                        text.getBytes(StandardCharsets.UTF_8), problems)
                .handle((ok, error) -> new Answer(ack, code, error != null));
    }
}
