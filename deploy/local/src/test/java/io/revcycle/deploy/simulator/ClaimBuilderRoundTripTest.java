package io.revcycle.deploy.simulator;

import io.revcycle.claims.acks.AcknowledgmentOutcome;
import io.revcycle.claims.acks.AcknowledgmentReader;
import io.revcycle.claims.acks.ClaimDirectory;
import io.revcycle.claims.x12.ClaimInterchangeWriter;
import io.revcycle.claims.x12.X12Settings;
import io.revcycle.events.Acknowledgment;
import io.revcycle.events.AcknowledgmentKind;
import io.revcycle.events.AcknowledgmentResult;
import io.revcycle.events.Address;
import io.revcycle.events.AdministrativeSex;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimLine;
import io.revcycle.events.ClaimState;
import io.revcycle.events.ClaimType;
import io.revcycle.events.Code;
import io.revcycle.events.CodeSource;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.CodedDiagnosis;
import io.revcycle.events.Coverage;
import io.revcycle.events.CoverageSequence;
import io.revcycle.events.Facility;
import io.revcycle.events.FacilityKind;
import io.revcycle.events.FinancialClass;
import io.revcycle.events.Person;
import io.revcycle.events.Provider;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loop with the real claim builder code: its 837 writer makes the interchanges, the simulator
 * answers them, and the claim builder's own acknowledgment reader applies the 999s and 277CAs; the
 * 835 echoes the claim ids and line control numbers the writer put in.
 */
class ClaimBuilderRoundTripTest {

    private static final X12Settings PARTNERS = new X12Settings("REVCYCLE", "REVCYCLE BILLING", "EDI DESK", "5555550100",
            "CLEARINGHOUSE", "CLEARINGHOUSE", "T");
    private static final LocalDateTime SENT = LocalDateTime.of(2026, 3, 20, 15, 30);

    @TempDir
    Path dir;

    private final Map<String, String> sent = new HashMap<>();

    @Test
    void theClaimBuilderReadsEveryAnswerOfTheSimulator() throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        ClaimInterchangeWriter writer = new ClaimInterchangeWriter(PARTNERS);
        List<Claim> batch = List.of(claim("CROUNDTRIP0000001", "1EG4TE5MK73"), claim("CROUNDTRIP0000002", "BADMEMBER"));
        files.drop("000000007-MEDICARE-837P.x12", writer.write(ClaimType.PROFESSIONAL, 7, SENT, batch));
        remember(7, batch);
        String broken = new String(writer.write(ClaimType.PROFESSIONAL, 8, SENT, List.of(claim("CROUNDTRIP0000003", "1EG4TE5MK73"))),
                StandardCharsets.US_ASCII).replace("*PI*MEDICARE~", "~");
        files.drop("000000008-MEDICARE-837P.x12", broken.getBytes(StandardCharsets.US_ASCII));
        remember(8, List.of(claim("CROUNDTRIP0000003", "1EG4TE5MK73")));

        files.simulator.pollOnce();

        AcknowledgmentReader reader = new AcknowledgmentReader(directory(), Clock.fixed(SimulatorFiles.NOW, ZoneOffset.UTC));
        List<Acknowledgment> acks = new ArrayList<>();
        for (String file : files.read("acks", ".x12")) {
            AcknowledgmentOutcome outcome = reader.read(file.getBytes(StandardCharsets.US_ASCII), "ack");
            assertNull(outcome.failure(), () -> "claim builder refused an answer: " + outcome.failure());
            acks.addAll(outcome.acknowledgments());
        }

        assertEquals(AcknowledgmentResult.ACCEPTED, result(acks, "CROUNDTRIP0000001", AcknowledgmentKind.IMPLEMENTATION_999).getResult());
        Acknowledgment accepted = result(acks, "CROUNDTRIP0000001", AcknowledgmentKind.CLAIM_277CA);
        assertEquals(AcknowledgmentResult.ACCEPTED, accepted.getResult());
        assertEquals("A2", accepted.getStatusCategory());
        assertTrue(accepted.getPayerClaimControlNumber().startsWith("MCR"));
        Acknowledgment rejected = result(acks, "CROUNDTRIP0000002", AcknowledgmentKind.CLAIM_277CA);
        assertEquals(AcknowledgmentResult.REJECTED, rejected.getResult());
        assertEquals(List.of("A7:164"), rejected.getStatusCodes());
        Acknowledgment malformed = result(acks, "CROUNDTRIP0000003", AcknowledgmentKind.IMPLEMENTATION_999);
        assertEquals(AcknowledgmentResult.REJECTED, malformed.getResult());
        assertTrue(malformed.getErrors().stream().anyMatch(e -> e.getField().contains("NM1") && e.getField().contains("2010BB")),
                () -> "the IK3 names the payer loop: " + malformed.getErrors());
        assertEquals(5, acks.size(), "a 999 result for each of the three claims and a 277CA status for each of the two that passed");
        assertEquals(2, malformed.getErrors().size(), "one IK3 and its IK4: " + malformed.getErrors());

        String era = files.only("remittances", "-835.x12");
        assertEquals(1, RawX12.assertBalanced(era));
        String[] clp = RawX12.first(era, "CLP");
        assertEquals("CROUNDTRIP0000001", clp[1]);
        assertEquals(accepted.getPayerClaimControlNumber(), clp[7]);
        assertTrue(RawX12.contains(era, "REF*6R*" + ClaimInterchangeWriter.lineControlNumber("CROUNDTRIP0000001", 1)));
        assertTrue(RawX12.contains(era, "REF*6R*" + ClaimInterchangeWriter.lineControlNumber("CROUNDTRIP0000001", 2)));
    }

    private void remember(long controlNumber, List<Claim> claims) {
        for (int i = 0; i < claims.size(); i++) {
            sent.put(ClaimInterchangeWriter.interchangeControlNumber(controlNumber) + "/"
                    + ClaimInterchangeWriter.transactionSetControlNumber(i), claims.get(i).getClaimId());
        }
    }

    private ClaimDirectory directory() {
        return new ClaimDirectory() {
            @Override
            public boolean exists(String claimId) {
                return sent.containsValue(claimId);
            }

            @Override
            public Map<String, String> claimsInInterchange(String interchangeControlNumber) {
                Map<String, String> inInterchange = new HashMap<>();
                sent.forEach((transaction, claimId) -> {
                    if (transaction.startsWith(interchangeControlNumber + "/")) {
                        inInterchange.put(transaction.substring(transaction.indexOf('/') + 1), claimId);
                    }
                });
                return inInterchange;
            }
        };
    }

    private static Acknowledgment result(List<Acknowledgment> acks, String claimId, AcknowledgmentKind kind) {
        return acks.stream().filter(a -> a.getClaimId().equals(claimId) && a.getKind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " for " + claimId + " in " + acks));
    }

    /** An office visit billed to Medicare: 99213 and a venipuncture. Fictional people and providers. */
    private static Claim claim(String claimId, String memberId) {
        LocalDate dos = LocalDate.of(2026, 3, 2);
        Address address = Address.newBuilder().setLine1("42 ELM ST").setCity("SPRINGFIELD").setState("IL").setPostalCode("62704").build();
        Person patient = Person.newBuilder().setFirstName("JOHN").setLastName("DOE").setBirthDate(LocalDate.of(1950, 4, 12))
                .setSex(AdministrativeSex.MALE).setAddress(address).build();
        Provider billing = Provider.newBuilder().setNpi("1234567893").setName("NORTHWIND FAMILY MEDICINE")
                .setTaxonomy("207Q00000X").setTaxId("123456789").setAddress(address).build();
        return Claim.newBuilder()
                .setHeader(EventHeaders.create("claim-builder", "ENC-" + claimId, claimId))
                .setClaimId(claimId).setEncounterId("ENC-" + claimId).setEncounterVersion(1)
                .setClaimType(ClaimType.PROFESSIONAL).setState(ClaimState.READY)
                .setCoverage(Coverage.newBuilder().setSequence(CoverageSequence.PRIMARY).setPayerId("MEDICARE")
                        .setPayerName("MEDICARE PART B").setFinancialClass(FinancialClass.MEDICARE).setMemberId(memberId)
                        .setRelationshipToSubscriber("18").build())
                .setPatientId("MRN-1").setPatient(patient).setBillingProvider(billing)
                .setFacility(Facility.newBuilder().setFacilityId("NW-CLINIC").setName("NORTHWIND FAMILY MEDICINE")
                        .setKind(FacilityKind.CLINIC).setNpi("1234567893").build())
                .setPlaceOfService("11").setServiceDateFrom(dos).setServiceDateTo(dos)
                .setDiagnoses(List.of(CodedDiagnosis.newBuilder().setSequence(1).setCode(new Code(CodeSystem.ICD10CM, "E11.9", null))
                        .setSource(CodeSource.DOCUMENTED).build()))
                .setLines(List.of(line(1, "99213", "125.00", dos), line(2, "36415", "15.00", dos)))
                .setTotalCharge(Money.of("140.00")).setPaidAmount(Money.ZERO).setAdjustmentAmount(Money.ZERO)
                .setPatientResponsibility(Money.ZERO).setBalance(Money.of("140.00"))
                .setCreatedAt(SimulatorFiles.NOW).setUpdatedAt(SimulatorFiles.NOW)
                .build();
    }

    private static ClaimLine line(int number, String code, String charge, LocalDate dos) {
        return ClaimLine.newBuilder().setLineNumber(number).setCode(new Code(CodeSystem.CPT, code, null)).setUnits(1)
                .setChargeAmount(Money.of(charge)).setServiceDate(dos).setDiagnosisPointers(List.of(1)).build();
    }
}
