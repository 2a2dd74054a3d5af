package io.revcycle.payments.posting;

import io.revcycle.events.Adjustment;
import io.revcycle.events.AdjustmentGroup;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.Denial;
import io.revcycle.events.EventHeader;
import io.revcycle.events.ExceptionKind;
import io.revcycle.events.PatientResponsibility;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.PostingType;
import io.revcycle.events.ProcessingException;
import io.revcycle.events.RemittanceClaimPayment;
import io.revcycle.events.RemittanceLine;
import io.revcycle.payments.denials.AppealDeadlines;
import io.revcycle.payments.denials.DenialCategories;
import io.revcycle.payments.matching.RemittanceMatcher;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Money;
import io.revcycle.schemas.TrustedAvroPackages;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Posts one balanced claim payment against our claim and what was posted on it before:
 * <ul>
 *   <li>a payment (or, right after a reversal, a correction) with adjustments by group and CARC,
 *       the patient responsibility split (PR-1 deductible, PR-2 coinsurance, PR-3 copay, other),
 *       the payer's balance after posting and the claim's new state;</li>
 *   <li>a reversal (CLP02 22) undoes the posting it reverses with the same amounts negated;</li>
 *   <li>a denial event when the claim (CLP02 4, or nothing paid with denial adjustments) or some
 *       of its lines were denied;</li>
 *   <li>exceptions, and nothing posted, for an unknown claim, a duplicate ERA or a reversal of
 *       nothing.</li>
 * </ul>
 */
public final class PaymentPoster {

    /** Producer name carried in event headers. */
    public static final String PRODUCER = "payment-posting";

    static {
        // builds contract records, whose defaults Avro instantiates only for trusted packages
        TrustedAvroPackages.install();
    }

    private final PatientPseudonym pseudonym;
    private final DenialCategories categories;
    private final AppealDeadlines appealDeadlines;
    private final RemittanceMatcher matcher = new RemittanceMatcher();
    private final Clock clock;

    public PaymentPoster(PatientPseudonym pseudonym, DenialCategories categories, AppealDeadlines appealDeadlines,
                         Clock clock) {
        this.pseudonym = pseudonym;
        this.categories = categories;
        this.appealDeadlines = appealDeadlines;
        this.clock = clock;
    }

    /** Remittance id + claim + CLP02: one posting per claim status per ERA. */
    public static String postingId(RemittanceClaimPayment payment) {
        return payment.getRemittanceId() + "/" + payment.getPatientControlNumber() + "/" + payment.getClaimStatusCode();
    }

    public PostingOutcome post(RemittanceClaimPayment payment, Claim claim, ClaimLedger ledger) {
        if (claim == null) {
            return refused(payment, ledger, ExceptionKind.UNKNOWN_CLAIM,
                    "claim " + payment.getPatientControlNumber() + " is not one of ours (no such claim id)");
        }
        if (ledger.alreadyPosted()) {
            return refused(payment, ledger, ExceptionKind.DUPLICATE, "remittance " + payment.getRemittanceId()
                    + " was already posted on claim " + claim.getClaimId() + "; not posted again");
        }
        if ("22".equals(payment.getClaimStatusCode())) {
            return reverse(payment, claim, ledger);
        }
        return pay(payment, claim, ledger);
    }

    private PostingOutcome pay(RemittanceClaimPayment payment, Claim claim, ClaimLedger ledger) {
        List<Adjustment> all = new ArrayList<>(payment.getAdjustments());
        payment.getLines().forEach(line -> all.addAll(line.getAdjustments()));
        BigDecimal contractual = sum(all, AdjustmentGroup.CO);
        BigDecimal other = sum(all, AdjustmentGroup.OA).add(sum(all, AdjustmentGroup.PI)).add(sum(all, AdjustmentGroup.CR));
        PatientResponsibility responsibility = responsibility(all);
        BigDecimal paid = payment.getPaidAmount();
        BigDecimal allowed = payment.getAllowedAmount() != null ? payment.getAllowedAmount()
                : Money.of(paid.add(responsibility.getTotal()));
        // a balance is what one payer owes: a secondary payer's ERA starts again from the claim's charge
        boolean samePayer = ledger.last() != null && ledger.last().getPayerId().equals(payment.getPayerId());
        BigDecimal before = samePayer ? ledger.last().getBalanceAfter() : claim.getTotalCharge();
        BigDecimal balanceAfter = Money.of(before.subtract(paid).subtract(contractual).subtract(other)
                .subtract(responsibility.getTotal()));

        List<Adjustment> claimDenials = payment.getAdjustments().stream().filter(categories::isDenial).toList();
        List<Adjustment> lineDenials = new ArrayList<>();
        List<Integer> deniedLines = new ArrayList<>();
        RemittanceMatcher.LineMatch match = matcher.matchLines(payment, claim);
        for (int i = 0; i < payment.getLines().size(); i++) {
            RemittanceLine line = payment.getLines().get(i);
            List<Adjustment> denials = line.getAdjustments().stream().filter(categories::isDenial).toList();
            if (line.getPaidAmount().signum() == 0 && !denials.isEmpty()) {
                lineDenials.addAll(denials);
                if (match.lineNumbers().get(i) != null) {
                    deniedLines.add(match.lineNumbers().get(i));
                }
            }
        }
        List<Adjustment> denials = new ArrayList<>(claimDenials);
        denials.addAll(lineDenials);
        boolean claimDenied = "4".equals(payment.getClaimStatusCode())
                || (paid.signum() == 0 && !denials.isEmpty());
        ClaimState state = claimDenied ? ClaimState.DENIED
                : balanceAfter.signum() > 0 || !lineDenials.isEmpty() ? ClaimState.PARTIALLY_PAID : ClaimState.PAID;

        PostingType type = ledger.last() != null && ledger.last().getPostingType() == PostingType.REVERSAL
                ? PostingType.CORRECTION : PostingType.PAYMENT;
        PaymentPosted posted = PaymentPosted.newBuilder()
                .setHeader(header(payment, claim))
                .setPostingId(postingId(payment))
                .setPostingType(type)
                .setClaimId(claim.getClaimId())
                .setPatientKey(pseudonym.of(claim.getPatientId()))
                .setPayerId(payment.getPayerId())
                .setPayerName(payment.getPayerName())
                .setFinancialClass(claim.getCoverage().getFinancialClass())
                .setClaimType(claim.getClaimType())
                .setFacilityId(claim.getFacility().getFacilityId())
                .setBillingProviderNpi(claim.getBillingProvider().getNpi())
                .setServiceDateFrom(claim.getServiceDateFrom())
                .setClaimStatusCode(payment.getClaimStatusCode())
                .setPayerClaimControlNumber(payment.getPayerClaimControlNumber())
                .setChargeAmount(payment.getChargeAmount())
                .setAllowedAmount(allowed)
                .setPaidAmount(paid)
                .setContractualAdjustment(contractual)
                .setOtherAdjustment(Money.of(other))
                .setPatientResponsibility(responsibility)
                .setAdjustments(byGroupAndReason(all))
                .setRemarkCodes(remarkCodes(payment))
                .setTraceNumber(payment.getTraceNumber())
                .setPaymentMethod(payment.getPaymentMethod())
                .setPaymentDate(payment.getPaymentDate())
                .setPostedAt(now())
                .setBalanceAfter(balanceAfter)
                .setClaimState(state)
                .build();

        List<ProcessingException> warnings = new ArrayList<>();
        if (!match.unmatched().isEmpty()) {
            warnings.add(exception(payment, ExceptionKind.OTHER, "posted, but service lines "
                    + match.unmatched() + " do not match a line of claim " + claim.getClaimId()));
        }
        Denial denial = null;
        if (claimDenied || !lineDenials.isEmpty()) {
            List<Adjustment> denied = claimDenied ? denials : lineDenials;
            denial = Denial.newBuilder()
                    .setHeader(header(payment, claim))
                    .setDenialId(postingId(payment))
                    .setClaimId(claim.getClaimId())
                    .setPatientKey(posted.getPatientKey())
                    .setPayerId(payment.getPayerId())
                    .setPayerClaimControlNumber(payment.getPayerClaimControlNumber())
                    .setCategory(categories.classify(denied))
                    .setAdjustments(byGroupAndReason(denied))
                    .setRemarkCodes(posted.getRemarkCodes())
                    .setDeniedAmount(Money.sum(denied.stream().map(Adjustment::getAmount).toList()))
                    .setLineNumbers(claimDenied ? List.of() : deniedLines)
                    .setDeniedOn(payment.getPaymentDate())
                    .setAppealDeadline(appealDeadlines.deadline(payment.getPayerId(), payment.getPaymentDate()))
                    .build();
        }
        return new PostingOutcome(posted, denial, warnings, new ClaimLedger(posted, posted, false));
    }

    private PostingOutcome reverse(RemittanceClaimPayment payment, Claim claim, ClaimLedger ledger) {
        PaymentPosted original = ledger.active();
        if (original == null) {
            return refused(payment, ledger, ExceptionKind.REVERSAL_WITHOUT_POSTING, "reversal of claim "
                    + claim.getClaimId() + " (payer claim " + payment.getPayerClaimControlNumber()
                    + ") but no posting of it stands to reverse");
        }
        PatientResponsibility pr = original.getPatientResponsibility();
        BigDecimal undone = original.getPaidAmount().add(original.getContractualAdjustment())
                .add(original.getOtherAdjustment()).add(pr.getTotal());
        PaymentPosted reversal = PaymentPosted.newBuilder(original)
                .setHeader(header(payment, claim))
                .setPostingId(postingId(payment))
                .setPostingType(PostingType.REVERSAL)
                .setClaimStatusCode(payment.getClaimStatusCode())
                .setPayerClaimControlNumber(payment.getPayerClaimControlNumber())
                .setChargeAmount(original.getChargeAmount().negate())
                .setAllowedAmount(original.getAllowedAmount().negate())
                .setPaidAmount(original.getPaidAmount().negate())
                .setContractualAdjustment(original.getContractualAdjustment().negate())
                .setOtherAdjustment(original.getOtherAdjustment().negate())
                .setPatientResponsibility(PatientResponsibility.newBuilder()
                        .setDeductible(pr.getDeductible().negate())
                        .setCoinsurance(pr.getCoinsurance().negate())
                        .setCopay(pr.getCopay().negate())
                        .setOther(pr.getOther().negate())
                        .setTotal(pr.getTotal().negate())
                        .build())
                .setAdjustments(original.getAdjustments().stream().map(a -> Adjustment.newBuilder(a)
                        .setAmount(a.getAmount().negate()).build()).toList())
                .setRemarkCodes(remarkCodes(payment))
                .setTraceNumber(payment.getTraceNumber())
                .setPaymentMethod(payment.getPaymentMethod())
                .setPaymentDate(payment.getPaymentDate())
                .setPostedAt(now())
                .setBalanceAfter(Money.of(ledger.last().getBalanceAfter().add(undone)))
                // the payer owes the claim again until its correction is posted
                .setClaimState(ClaimState.ACCEPTED)
                .build();
        return new PostingOutcome(reversal, null, List.of(), new ClaimLedger(reversal, null, false));
    }

    private PostingOutcome refused(RemittanceClaimPayment payment, ClaimLedger ledger, ExceptionKind kind,
                                   String message) {
        return new PostingOutcome(null, null, List.of(exception(payment, kind, message)), ledger);
    }

    private ProcessingException exception(RemittanceClaimPayment payment, ExceptionKind kind, String message) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("charge", payment.getChargeAmount().toPlainString());
        figures.put("paid", payment.getPaidAmount().toPlainString());
        figures.put("remittanceId", payment.getRemittanceId());
        figures.put("claimStatusCode", payment.getClaimStatusCode());
        figures.put("payerClaimControlNumber", payment.getPayerClaimControlNumber());
        return ProcessingException.newBuilder()
                .setHeader(EventHeaders.create(clock, PRODUCER, null, payment.getPatientControlNumber(),
                        payment.getRemittanceId()))
                .setExceptionId(UUID.randomUUID().toString())
                .setKind(kind)
                .setSourceFile(payment.getSourceFile())
                .setClaimId(payment.getPatientControlNumber())
                .setMessage(message)
                .setFigures(figures)
                .build();
    }

    private EventHeader header(RemittanceClaimPayment payment, Claim claim) {
        return EventHeaders.create(clock, PRODUCER, claim.getEncounterId(), claim.getClaimId(),
                payment.getHeader().getTraceId());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static BigDecimal sum(List<Adjustment> adjustments, AdjustmentGroup group) {
        return Money.sum(adjustments.stream().filter(a -> a.getGroup() == group).map(Adjustment::getAmount).toList());
    }

    private static PatientResponsibility responsibility(List<Adjustment> adjustments) {
        BigDecimal deductible = Money.ZERO;
        BigDecimal coinsurance = Money.ZERO;
        BigDecimal copay = Money.ZERO;
        BigDecimal other = Money.ZERO;
        for (Adjustment a : adjustments) {
            if (a.getGroup() != AdjustmentGroup.PR) {
                continue;
            }
            switch (a.getReasonCode()) {
                case "1" -> deductible = deductible.add(a.getAmount());
                case "2" -> coinsurance = coinsurance.add(a.getAmount());
                case "3" -> copay = copay.add(a.getAmount());
                default -> other = other.add(a.getAmount());
            }
        }
        return PatientResponsibility.newBuilder()
                .setDeductible(Money.of(deductible))
                .setCoinsurance(Money.of(coinsurance))
                .setCopay(Money.of(copay))
                .setOther(Money.of(other))
                .setTotal(Money.of(deductible.add(coinsurance).add(copay).add(other)))
                .build();
    }

    /** Claim and line adjustments summed by group and CARC, in order of first appearance. */
    private static List<Adjustment> byGroupAndReason(List<Adjustment> adjustments) {
        Map<String, Adjustment> merged = new LinkedHashMap<>();
        for (Adjustment a : adjustments) {
            merged.merge(a.getGroup() + "-" + a.getReasonCode(),
                    Adjustment.newBuilder(a).setQuantity(null).build(),
                    (x, y) -> Adjustment.newBuilder(x).setAmount(Money.of(x.getAmount().add(y.getAmount()))).build());
        }
        return List.copyOf(merged.values());
    }

    private static List<String> remarkCodes(RemittanceClaimPayment payment) {
        LinkedHashSet<String> codes = new LinkedHashSet<>(payment.getRemarkCodes());
        payment.getLines().forEach(line -> codes.addAll(line.getRemarkCodes()));
        return List.copyOf(codes);
    }
}
