package io.revcycle.payments.era;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the segment stream of one file into {@link RemittanceAdvice} records, following the 835
 * loop structure: header (BPR, TRN, DTM, N1*PR / N1*PE loops), LX header numbers, CLP claim loops
 * with their SVC service loops, and PLB after the last claim.
 */
final class Remittance835Assembler {

    private final String sourceFile;
    private final Consumer<RemittanceAdvice> sink;

    private String groupVersion;
    private Transaction transaction;
    private ClaimDraft claim;
    private LineDraft line;

    Remittance835Assembler(String sourceFile, Consumer<RemittanceAdvice> sink) {
        this.sourceFile = sourceFile;
        this.sink = sink;
    }

    void accept(X12Segment s) throws RemittanceParseException {
        switch (s.tag()) {
            case "ISA", "IEA", "GE" -> requireOutsideTransaction(s);
            case "GS" -> {
                requireOutsideTransaction(s);
                groupVersion = s.required(8, "version (GS08)");
                if (!groupVersion.startsWith(Era835Parser.VERSION)) {
                    throw s.error(8, "version " + groupVersion + " is not an 835 " + Era835Parser.VERSION);
                }
            }
            case "ST" -> startTransaction(s);
            case "SE" -> endTransaction(s);
            default -> body(s);
        }
    }

    private void requireOutsideTransaction(X12Segment s) throws RemittanceParseException {
        if (transaction != null) {
            throw s.error(null, "transaction set " + transaction.controlNumber + " has no SE");
        }
    }

    private void startTransaction(X12Segment s) throws RemittanceParseException {
        requireOutsideTransaction(s);
        if (groupVersion == null) {
            throw s.error(null, "transaction set outside a functional group");
        }
        String type = s.required(1, "transaction set identifier (ST01)");
        if (!"835".equals(type)) {
            throw s.error(1, "transaction set " + type + " is not an 835");
        }
        transaction = new Transaction(s.position(), s.required(2, "control number (ST02)"));
    }

    private void endTransaction(X12Segment s) throws RemittanceParseException {
        Transaction t = requireTransaction(s);
        closeClaim();
        int counted = s.position() - t.position + 1;
        String declared = s.required(1, "segment count (SE01)");
        if (!declared.equals(Integer.toString(counted))) {
            throw s.error(1, "segment count " + declared + " but the transaction set has " + counted + " segments");
        }
        if (!t.controlNumber.equals(s.text(2))) {
            throw s.error(2, "control number " + s.text(2) + " does not match ST02 " + t.controlNumber);
        }
        if (t.totalPaid == null) {
            throw s.error(null, "transaction set " + t.controlNumber + " has no BPR");
        }
        if (t.traceNumber == null) {
            throw s.error(null, "transaction set " + t.controlNumber + " has no TRN");
        }
        if (t.payerName == null) {
            throw s.error(null, "transaction set " + t.controlNumber + " has no payer (N1*PR)");
        }
        if (t.payeeName == null) {
            throw s.error(null, "transaction set " + t.controlNumber + " has no payee (N1*PE)");
        }
        String payerId = t.payerId != null ? t.payerId : t.payerReference != null ? t.payerReference : t.originatorId;
        sink.accept(new RemittanceAdvice(sourceFile, t.position, t.controlNumber, t.handlingCode, t.totalPaid,
                t.creditDebit, t.paymentMethod, t.paymentDate, t.traceNumber, t.originatorId, payerId, t.payerName,
                t.payeeName, t.payeeNpi, t.payeeTaxId, t.productionDate, List.copyOf(t.claims),
                List.copyOf(t.providerAdjustments)));
        transaction = null;
    }

    private Transaction requireTransaction(X12Segment s) throws RemittanceParseException {
        if (transaction == null) {
            throw s.error(null, s.tag() + " outside a transaction set (no ST)");
        }
        return transaction;
    }

    private void body(X12Segment s) throws RemittanceParseException {
        Transaction t = requireTransaction(s);
        switch (s.tag()) {
            case "BPR" -> {
                t.handlingCode = s.required(1, "transaction handling code (BPR01)");
                t.totalPaid = s.amount(2, "total payment (BPR02)");
                t.creditDebit = s.required(3, "credit/debit flag (BPR03)");
                t.paymentMethod = s.required(4, "payment method (BPR04)");
                t.paymentDate = s.date(16, "payment date (BPR16)");
            }
            case "TRN" -> {
                t.traceNumber = s.required(2, "trace number (TRN02)");
                t.originatorId = s.required(3, "originating company id (TRN03)");
            }
            case "N1" -> entity(t, s);
            case "REF" -> reference(t, s);
            case "DTM" -> date(t, s);
            case "LX" -> {
                closeClaim();
                t.headerNumber = parseInt(s, 1, "header number (LX01)");
                t.entity = null;
            }
            case "CLP" -> startClaim(t, s);
            case "CAS" -> adjustment(s);
            case "NM1" -> requireClaim(s).parties.add(new ClaimParty(s.text(1), s.optional(8), s.optional(9)));
            case "MIA" -> remarks(requireClaim(s).remarkCodes, s, 5, 20, 21, 22, 23, 24);
            case "MOA" -> remarks(requireClaim(s).remarkCodes, s, 3, 4, 5, 6, 7);
            case "AMT" -> amount(s);
            case "QTY" -> quantity(s);
            case "SVC" -> startLine(s);
            case "LQ" -> {
                LineDraft l = requireLine(s);
                if ("HE".equals(s.text(1))) {
                    l.remarkCodes.add(s.required(2, "remark code (LQ02)"));
                }
            }
            case "PLB" -> providerAdjustment(t, s);
            default -> {
                // N3, N4, PER, RDM, TS3, TS2, CUR... carry nothing we post
            }
        }
    }

    private void entity(Transaction t, X12Segment s) throws RemittanceParseException {
        String code = s.required(1, "entity identifier (N101)");
        t.entity = code;
        if ("PR".equals(code)) {
            t.payerName = s.required(2, "payer name (N102)");
            t.payerId = s.optional(4);
        } else if ("PE".equals(code)) {
            t.payeeName = s.required(2, "payee name (N102)");
            String qualifier = s.text(3);
            if ("XX".equals(qualifier)) {
                t.payeeNpi = s.optional(4);
            } else if ("FI".equals(qualifier)) {
                t.payeeTaxId = s.optional(4);
            }
        }
    }

    private void reference(Transaction t, X12Segment s) throws RemittanceParseException {
        String qualifier = s.required(1, "reference qualifier (REF01)");
        if (line != null) {
            if ("6R".equals(qualifier)) {
                line.lineControlNumber = s.required(2, "line item control number (REF02)");
            }
        } else if (claim == null && t.claims.isEmpty()) {
            if ("2U".equals(qualifier) && "PR".equals(t.entity)) {
                t.payerReference = s.optional(2);
            } else if ("TJ".equals(qualifier) && "PE".equals(t.entity) && t.payeeTaxId == null) {
                t.payeeTaxId = s.optional(2);
            }
        }
    }

    private void date(Transaction t, X12Segment s) throws RemittanceParseException {
        String qualifier = s.required(1, "date qualifier (DTM01)");
        if (line != null) {
            if ("472".equals(qualifier) || "150".equals(qualifier)) {
                line.serviceDate = s.date(2, "service date (DTM02)");
            }
        } else if (claim != null) {
            if ("232".equals(qualifier)) {
                claim.statementFrom = s.date(2, "statement from date (DTM02)");
            } else if ("233".equals(qualifier)) {
                claim.statementTo = s.date(2, "statement to date (DTM02)");
            }
        } else if ("405".equals(qualifier)) {
            t.productionDate = s.date(2, "production date (DTM02)");
        }
    }

    private void startClaim(Transaction t, X12Segment s) throws RemittanceParseException {
        closeClaim();
        ClaimDraft c = new ClaimDraft();
        c.position = s.position();
        c.headerNumber = t.headerNumber;
        c.patientControlNumber = s.required(1, "patient control number (CLP01)");
        c.statusCode = s.required(2, "claim status (CLP02)");
        c.charge = s.amount(3, "charge (CLP03)");
        c.paid = s.amount(4, "payment (CLP04)");
        c.patientResponsibility = s.optionalAmount(5, "patient responsibility (CLP05)");
        c.filingIndicator = s.optional(6);
        c.payerClaimControlNumber = s.required(7, "payer claim control number (CLP07)");
        c.facilityTypeCode = s.optional(8);
        c.frequencyCode = s.optional(9);
        claim = c;
    }

    private void startLine(X12Segment s) throws RemittanceParseException {
        ClaimDraft c = requireClaim(s);
        closeLine();
        LineDraft l = new LineDraft();
        l.position = s.position();
        List<String> procedure = s.components(1);
        if (procedure.size() < 2) {
            throw s.error(1, "procedure composite (SVC01) needs a qualifier and a code");
        }
        l.procedureQualifier = procedure.get(0);
        l.procedureCode = procedure.get(1);
        l.modifiers = procedure.size() > 2 ? List.copyOf(procedure.subList(2, Math.min(procedure.size(), 6))) : List.of();
        l.charge = s.amount(2, "line charge (SVC02)");
        l.paid = s.amount(3, "line payment (SVC03)");
        l.revenueCode = s.optional(4);
        l.units = s.optionalQuantity(5, "paid units (SVC05)");
        line = l;
    }

    private void adjustment(X12Segment s) throws RemittanceParseException {
        List<CasAdjustment> target = line != null ? line.adjustments : requireClaim(s).adjustments;
        String group = s.required(1, "adjustment group (CAS01)");
        if (!List.of("CO", "PR", "OA", "PI", "CR").contains(group)) {
            throw s.error(1, "unknown adjustment group " + group);
        }
        for (int reason = 2; reason <= 17; reason += 3) {
            String code = s.text(reason);
            if (code.isEmpty()) {
                if (!s.text(reason + 1).isEmpty()) {
                    throw s.error(reason, "adjustment amount without a reason code");
                }
                continue;
            }
            target.add(new CasAdjustment(group, code, s.amount(reason + 1, "adjustment amount (CAS" + pad(reason + 1) + ")"),
                    s.optionalQuantity(reason + 2, "adjustment quantity (CAS" + pad(reason + 2) + ")")));
        }
    }

    private void amount(X12Segment s) throws RemittanceParseException {
        String qualifier = s.required(1, "amount qualifier (AMT01)");
        BigDecimal value = s.amount(2, "amount (AMT02)");
        if (line != null) {
            if ("B6".equals(qualifier)) {
                line.allowed = value;
            }
        } else {
            requireClaim(s).amounts.put(qualifier, value);
        }
    }

    private void quantity(X12Segment s) throws RemittanceParseException {
        String qualifier = s.required(1, "quantity qualifier (QTY01)");
        BigDecimal value = s.quantity(2, "quantity (QTY02)");
        if (line == null) {
            requireClaim(s).quantities.put(qualifier, value);
        }
    }

    private void providerAdjustment(Transaction t, X12Segment s) throws RemittanceParseException {
        closeClaim();
        String provider = s.required(1, "provider identifier (PLB01)");
        LocalDate fiscalPeriod = s.date(2, "fiscal period date (PLB02)");
        boolean any = false;
        for (int reason = 3; reason <= 13; reason += 2) {
            String code = s.component(reason, 1);
            if (code.isEmpty()) {
                continue;
            }
            String reference = s.component(reason, 2);
            t.providerAdjustments.add(new ProviderLevelAdjustment(s.position(), reason, provider, fiscalPeriod, code,
                    reference.isEmpty() ? null : reference, s.amount(reason + 1, "adjustment amount (PLB" + pad(reason + 1) + ")")));
            any = true;
        }
        if (!any) {
            throw s.error(3, "provider adjustment without a reason");
        }
    }

    private static void remarks(List<String> into, X12Segment s, int... elements) {
        for (int element : elements) {
            String code = s.text(element);
            if (!code.isEmpty()) {
                into.add(code);
            }
        }
    }

    private ClaimDraft requireClaim(X12Segment s) throws RemittanceParseException {
        if (claim == null) {
            throw s.error(null, s.tag() + " outside a claim payment loop (no CLP before it)");
        }
        return claim;
    }

    private LineDraft requireLine(X12Segment s) throws RemittanceParseException {
        if (line == null) {
            throw s.error(null, s.tag() + " outside a service payment loop (no SVC before it)");
        }
        return line;
    }

    private void closeLine() {
        if (line != null) {
            claim.lines.add(line.build());
            line = null;
        }
    }

    private void closeClaim() {
        if (claim != null) {
            closeLine();
            transaction.claims.add(claim.build());
            claim = null;
        }
    }

    private static int parseInt(X12Segment s, int element, String what) throws RemittanceParseException {
        String value = s.required(element, what);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw s.error(element, what + " '" + value + "' is not a number");
        }
    }

    private static String pad(int element) {
        return String.format("%02d", element);
    }

    private static final class Transaction {
        final int position;
        final String controlNumber;
        String handlingCode;
        BigDecimal totalPaid;
        String creditDebit;
        String paymentMethod;
        LocalDate paymentDate;
        String traceNumber;
        String originatorId;
        String entity;
        String payerId;
        String payerReference;
        String payerName;
        String payeeName;
        String payeeNpi;
        String payeeTaxId;
        LocalDate productionDate;
        int headerNumber;
        final List<ClaimPayment> claims = new ArrayList<>();
        final List<ProviderLevelAdjustment> providerAdjustments = new ArrayList<>();

        Transaction(int position, String controlNumber) {
            this.position = position;
            this.controlNumber = controlNumber;
        }
    }

    private static final class ClaimDraft {
        int position;
        int headerNumber;
        String patientControlNumber;
        String statusCode;
        BigDecimal charge;
        BigDecimal paid;
        BigDecimal patientResponsibility;
        String filingIndicator;
        String payerClaimControlNumber;
        String facilityTypeCode;
        String frequencyCode;
        LocalDate statementFrom;
        LocalDate statementTo;
        final List<CasAdjustment> adjustments = new ArrayList<>();
        final List<ClaimParty> parties = new ArrayList<>();
        final List<String> remarkCodes = new ArrayList<>();
        final Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        final Map<String, BigDecimal> quantities = new LinkedHashMap<>();
        final List<ServicePayment> lines = new ArrayList<>();

        ClaimPayment build() {
            return new ClaimPayment(position, headerNumber, patientControlNumber, statusCode, charge, paid,
                    patientResponsibility, filingIndicator, payerClaimControlNumber, facilityTypeCode, frequencyCode,
                    List.copyOf(adjustments), List.copyOf(parties), List.copyOf(remarkCodes), statementFrom,
                    statementTo, Map.copyOf(amounts), Map.copyOf(quantities), List.copyOf(lines));
        }
    }

    private static final class LineDraft {
        int position;
        String procedureQualifier;
        String procedureCode;
        List<String> modifiers;
        BigDecimal charge;
        BigDecimal paid;
        String revenueCode;
        BigDecimal units;
        LocalDate serviceDate;
        String lineControlNumber;
        BigDecimal allowed;
        final List<CasAdjustment> adjustments = new ArrayList<>();
        final List<String> remarkCodes = new ArrayList<>();

        ServicePayment build() {
            return new ServicePayment(position, procedureQualifier, procedureCode, modifiers, charge, paid,
                    revenueCode, units, serviceDate, List.copyOf(adjustments), lineControlNumber, allowed,
                    List.copyOf(remarkCodes));
        }
    }
}
