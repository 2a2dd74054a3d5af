package io.revcycle.payments.intake;

import io.revcycle.events.ProcessingException;
import io.revcycle.payments.balancing.Imbalance;
import io.revcycle.payments.balancing.RemittanceBalancer;
import io.revcycle.payments.era.ClaimPayment;
import io.revcycle.payments.era.Era835Parser;
import io.revcycle.payments.era.ProviderLevelAdjustment;
import io.revcycle.payments.era.RemittanceAdvice;
import io.revcycle.payments.era.RemittanceParseException;
import io.revcycle.schemas.Topic;
import io.revcycle.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one 835 file into the records intake must publish together: claim payments and provider
 * adjustments of every balanced transaction set, and an exception for every parse error or
 * imbalance. A transaction set with any imbalance contributes no payment at all.
 */
public final class RemittanceReader {

    private final Era835Parser parser = new Era835Parser();
    private final RemittanceBalancer balancer = new RemittanceBalancer();
    private final RemittanceEvents events;

    public RemittanceReader(RemittanceEvents events) {
        this.events = events;
    }

    /** A record to publish: topic, key, value. */
    public record Outgoing(Topic<String, ? extends SpecificRecord> topic, String key, SpecificRecord value) {
    }

    /** Everything one file yields. */
    public record Reading(List<Outgoing> records, IntakeReport report) {

        /** True when something in the file could not be posted: the file belongs in failed/. */
        public boolean failed() {
            return !report.complete();
        }

        /** The same reading, naming where its file went (in the report and in every exception). */
        public Reading movedTo(String location) {
            for (Outgoing record : records) {
                if (record.value() instanceof ProcessingException exception) {
                    exception.setMovedTo(location);
                }
            }
            IntakeReport r = report;
            return new Reading(records, new IntakeReport(r.sourceFile(), r.accepted(), r.claims(),
                    r.providerAdjustments(), r.exceptions(), location));
        }
    }

    public Reading read(byte[] content, String sourceFile) {
        List<RemittanceAdvice> advices;
        try {
            advices = parser.parse(new ByteArrayInputStream(content), sourceFile);
        } catch (RemittanceParseException error) {
            ProcessingException exception = events.unreadable(error, null);
            return new Reading(List.of(new Outgoing(Topics.REMITTANCE_EXCEPTIONS, sourceFile, exception)),
                    new IntakeReport(sourceFile, false, List.of(), 0, List.of(problem(exception)), null));
        }
        List<Outgoing> records = new ArrayList<>();
        List<IntakeReport.ClaimSummary> claims = new ArrayList<>();
        List<IntakeReport.Problem> problems = new ArrayList<>();
        int providerAdjustments = 0;
        for (RemittanceAdvice advice : advices) {
            List<Imbalance> imbalances = balancer.check(advice);
            boolean balanced = imbalances.isEmpty();
            for (Imbalance imbalance : imbalances) {
                ProcessingException exception = events.unbalanced(advice, imbalance, null);
                records.add(new Outgoing(Topics.REMITTANCE_EXCEPTIONS,
                        imbalance.claimId() != null ? imbalance.claimId() : sourceFile, exception));
                problems.add(problem(exception));
            }
            for (ClaimPayment claim : advice.claims()) {
                claims.add(new IntakeReport.ClaimSummary(claim.patientControlNumber(), advice.remittanceId(),
                        claim.statusCode(), claim.charge(), claim.paid(), balanced));
                if (balanced) {
                    records.add(new Outgoing(Topics.REMITTANCES, claim.patientControlNumber(),
                            events.claimPayment(advice, claim)));
                }
            }
            if (balanced) {
                for (ProviderLevelAdjustment plb : advice.providerAdjustments()) {
                    records.add(new Outgoing(Topics.PROVIDER_ADJUSTMENTS, advice.remittanceId(),
                            events.providerAdjustment(advice, plb)));
                    providerAdjustments++;
                }
            }
        }
        return new Reading(records, new IntakeReport(sourceFile, true, claims, providerAdjustments, problems, null));
    }

    private static IntakeReport.Problem problem(ProcessingException e) {
        return new IntakeReport.Problem(e.getKind().name(), e.getSegmentPosition(), e.getSegmentId(),
                e.getElementPosition(), e.getClaimId(), e.getMessage(), e.getFigures());
    }
}
