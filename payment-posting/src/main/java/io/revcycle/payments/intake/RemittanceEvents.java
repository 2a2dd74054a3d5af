package io.revcycle.payments.intake;

import io.revcycle.events.Adjustment;
import io.revcycle.events.AdjustmentGroup;
import io.revcycle.events.Code;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.ExceptionKind;
import io.revcycle.events.ProcessingException;
import io.revcycle.events.ProviderAdjustment;
import io.revcycle.events.RemittanceClaimPayment;
import io.revcycle.events.RemittanceLine;
import io.revcycle.payments.balancing.Imbalance;
import io.revcycle.payments.era.CasAdjustment;
import io.revcycle.payments.era.ClaimPayment;
import io.revcycle.payments.era.ProviderLevelAdjustment;
import io.revcycle.payments.era.RemittanceAdvice;
import io.revcycle.payments.era.RemittanceParseException;
import io.revcycle.payments.era.ServicePayment;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Money;
import io.revcycle.schemas.TrustedAvroPackages;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Maps the parsed 835 to the events intake publishes. No Kafka here: the intake sends what this builds. */
public final class RemittanceEvents {

    /** Producer name carried in every event header. */
    public static final String PRODUCER = "payment-posting";

    static {
        // builds contract records, whose defaults Avro instantiates only for trusted packages
        TrustedAvroPackages.install();
    }

    private final Clock clock;

    public RemittanceEvents(Clock clock) {
        this.clock = clock;
    }

    /** One balanced CLP, ready to post. Key: CLP01. */
    public RemittanceClaimPayment claimPayment(RemittanceAdvice advice, ClaimPayment claim) {
        List<ServicePayment> lines = claim.lines();
        LocalDate from = claim.statementFrom() != null ? claim.statementFrom()
                : lines.stream().map(ServicePayment::serviceDate).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        LocalDate to = claim.statementTo() != null ? claim.statementTo()
                : lines.stream().map(ServicePayment::serviceDate).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(from);
        BigDecimal allowed = !lines.isEmpty() && lines.stream().allMatch(l -> l.allowed() != null)
                ? Money.sum(lines.stream().map(ServicePayment::allowed).toList()) : null;
        return RemittanceClaimPayment.newBuilder()
                .setHeader(EventHeaders.create(clock, PRODUCER, null, claim.patientControlNumber(), advice.remittanceId()))
                .setRemittanceId(advice.remittanceId())
                .setSourceFile(advice.sourceFile())
                .setTransactionSetControlNumber(advice.controlNumber())
                .setTraceNumber(advice.traceNumber())
                .setPayerId(advice.payerId())
                .setPayerName(advice.payerName())
                .setPayeeNpi(advice.payeeNpi())
                .setPaymentMethod(advice.paymentMethod())
                .setPaymentDate(advice.paymentDate())
                .setTransactionTotal(advice.totalPaid())
                .setPatientControlNumber(claim.patientControlNumber())
                .setClaimStatusCode(claim.statusCode())
                .setChargeAmount(claim.charge())
                .setPaidAmount(claim.paid())
                .setPatientResponsibilityAmount(claim.patientResponsibility())
                .setAllowedAmount(allowed)
                .setPayerClaimControlNumber(claim.payerClaimControlNumber())
                .setFacilityTypeCode(claim.facilityTypeCode())
                .setFrequencyCode(claim.frequencyCode())
                .setServiceDateFrom(from)
                .setServiceDateTo(to)
                .setAdjustments(adjustments(claim.adjustments()))
                .setRemarkCodes(claim.remarkCodes())
                .setLines(lines.stream().map(RemittanceEvents::line).toList())
                .build();
    }

    private static RemittanceLine line(ServicePayment line) {
        return RemittanceLine.newBuilder()
                .setLineControlNumber(line.lineControlNumber())
                .setProcedure(Code.newBuilder().setSystem(codeSystem(line.procedureQualifier(), line.procedureCode()))
                        .setValue(line.procedureCode()).build())
                .setModifiers(line.modifiers())
                .setChargeAmount(line.charge())
                .setPaidAmount(line.paid())
                .setAllowedAmount(line.allowed())
                .setUnits(wholeNumber(line.units()))
                .setServiceDate(line.serviceDate())
                .setAdjustments(adjustments(line.adjustments()))
                .setRemarkCodes(line.remarkCodes())
                .build();
    }

    /** SVC01-1 qualifier to our code system: HC carries CPT (five digits) or HCPCS (letter + four). */
    static CodeSystem codeSystem(String qualifier, String code) {
        return switch (qualifier) {
            case "HC" -> code.matches("\\d{4}[0-9A-Z]") ? CodeSystem.CPT : CodeSystem.HCPCS;
            case "NU" -> CodeSystem.REVENUE;
            case "N4" -> CodeSystem.NDC;
            default -> CodeSystem.OTHER;
        };
    }

    static List<Adjustment> adjustments(List<CasAdjustment> adjustments) {
        return adjustments.stream().map(a -> Adjustment.newBuilder()
                .setGroup(AdjustmentGroup.valueOf(a.group()))
                .setReasonCode(a.reasonCode())
                .setAmount(a.amount())
                .setQuantity(wholeNumber(a.quantity()))
                .build()).toList();
    }

    private static Integer wholeNumber(BigDecimal quantity) {
        if (quantity == null) {
            return null;
        }
        try {
            return quantity.intValueExact();
        } catch (ArithmeticException e) {
            // fractional units (e.g. anaesthesia minutes as hours) do not fit the contract's int
            return null;
        }
    }

    /** One PLB pair. Key: remittance id. */
    public ProviderAdjustment providerAdjustment(RemittanceAdvice advice, ProviderLevelAdjustment plb) {
        return ProviderAdjustment.newBuilder()
                .setHeader(EventHeaders.create(clock, PRODUCER, null, null, advice.remittanceId()))
                .setRemittanceId(advice.remittanceId())
                .setTraceNumber(advice.traceNumber())
                .setPayerId(advice.payerId())
                .setProviderId(plb.providerId())
                .setFiscalPeriodDate(plb.fiscalPeriodDate())
                .setReasonCode(plb.reasonCode())
                .setReferenceId(plb.referenceId())
                .setAmount(plb.amount())
                .setPostedAt(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    /** A transaction that is not posted because its figures do not add up. Key: claim id, else file. */
    public ProcessingException unbalanced(RemittanceAdvice advice, Imbalance imbalance, String movedTo) {
        Map<String, String> figures = new LinkedHashMap<>();
        imbalance.figures().forEach((name, amount) -> figures.put(name, amount.toPlainString()));
        figures.put("transactionSetControlNumber", advice.controlNumber());
        figures.put("remittanceId", advice.remittanceId());
        ExceptionKind kind = switch (imbalance.level()) {
            case LINE -> ExceptionKind.UNBALANCED_LINE;
            case CLAIM -> ExceptionKind.UNBALANCED_CLAIM;
            case TRANSACTION -> ExceptionKind.UNBALANCED_TRANSACTION;
        };
        return ProcessingException.newBuilder()
                .setHeader(EventHeaders.create(clock, PRODUCER, null, imbalance.claimId(), advice.remittanceId()))
                .setExceptionId(UUID.randomUUID().toString())
                .setKind(kind)
                .setSourceFile(advice.sourceFile())
                .setSegmentPosition((long) imbalance.segmentPosition())
                .setSegmentId(imbalance.segmentId())
                .setClaimId(imbalance.claimId())
                .setMessage(imbalance.describe() + "; transaction set " + advice.controlNumber() + " not posted")
                .setFigures(figures)
                .setMovedTo(movedTo)
                .build();
    }

    /** A file that cannot be read. Key: the file name. */
    public ProcessingException unreadable(RemittanceParseException error, String movedTo) {
        return ProcessingException.newBuilder()
                .setHeader(EventHeaders.create(clock, PRODUCER, null, null, null))
                .setExceptionId(UUID.randomUUID().toString())
                .setKind(ExceptionKind.PARSE_ERROR)
                .setSourceFile(error.sourceFile())
                .setSegmentPosition(error.segmentPosition())
                .setSegmentId(error.segmentId())
                .setElementPosition(error.elementPosition())
                .setMessage(error.getMessage())
                .setMovedTo(movedTo)
                .build();
    }
}
