package io.revcycle.claims.x12;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.claims.assembly.ClaimAssembler;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimInterchangeWriterTest {

    private final ClaimInterchangeWriter writer = new ClaimInterchangeWriter(X12Fixtures.SETTINGS);
    private final X12Reader reader = new X12Reader();
    private final ClaimInterchangeValidator validator = new ClaimInterchangeValidator();

    @Test
    void officeVisitMatchesThe837pGoldenFileElementByElement() throws Exception {
        byte[] written = writer.write(ClaimType.PROFESSIONAL, 1, X12Fixtures.CREATED, List.of(ClaimScenarios.officeVisitClaim()));
        assertMatchesGolden("/x12/837p-office-visit-two-lines.edi", written);
    }

    @Test
    void inpatientStayMatchesThe837iGoldenFileElementByElement() throws Exception {
        byte[] written = writer.write(ClaimType.INSTITUTIONAL, 2, X12Fixtures.CREATED, List.of(ClaimScenarios.inpatientClaim()));
        assertMatchesGolden("/x12/837i-inpatient-appendectomy-dependent.edi", written);
    }

    @Test
    void dependentVisitWithModifierAndReferralMatchesItsGoldenFile() throws Exception {
        Claim claim = new ClaimAssembler().assemble(ClaimScenarios.dependentVisitWithModifier(), ClaimScenarios.NOW).orElseThrow();
        byte[] written = writer.write(ClaimType.PROFESSIONAL, 3, X12Fixtures.CREATED, List.of(claim));
        assertMatchesGolden("/x12/837p-dependent-modifier-25-referred.edi", written);
    }

    @Test
    void emergencyVisitMatchesThe837iOutpatientGoldenFile() throws Exception {
        Claim claim = new ClaimAssembler().assemble(ClaimScenarios.emergencyVisit(), ClaimScenarios.NOW).orElseThrow();
        byte[] written = writer.write(ClaimType.INSTITUTIONAL, 4, X12Fixtures.CREATED, List.of(claim));
        assertMatchesGolden("/x12/837i-emergency-outpatient.edi", written);
    }

    @Test
    void batchOfClaimsParsesBackWithOneTransactionSetPerClaimAndRightCounts() throws Exception {
        Claim first = ClaimScenarios.officeVisitClaim();
        Claim second = Claim.newBuilder(first).setClaimId("C2SECONDCLAIM0002").build();
        List<Segment> segments = reader.read(writer.write(ClaimType.PROFESSIONAL, 42, X12Fixtures.CREATED, List.of(first, second)));

        assertEquals(List.of(), validator.validate(segments));
        assertEquals("000000042", segments.get(0).element(13));
        assertEquals(List.of("0001", "0002"), segments.stream().filter(s -> s.tag().equals("ST")).map(s -> s.element(2)).toList());
        assertEquals("2", segments.stream().filter(s -> s.tag().equals("GE")).findFirst().orElseThrow().element(1));
        assertEquals(List.of("C2SECONDCLAIM0002-1", "C2SECONDCLAIM0002-2"), segments.stream()
                .filter(s -> s.is("REF", "6R")).map(s -> s.element(2)).filter(v -> v.startsWith("C2SECOND")).toList());
    }

    @Test
    void institutionalInterchangeUsesIcd10QualifiersAndNeverIcd9Ones() throws Exception {
        List<Segment> segments = reader.read(writer.write(ClaimType.INSTITUTIONAL, 3, X12Fixtures.CREATED,
                List.of(ClaimScenarios.inpatientClaim())));
        List<String> qualifiers = segments.stream().filter(s -> s.tag().equals("HI"))
                .flatMap(s -> java.util.stream.IntStream.rangeClosed(1, s.size()).mapToObj(e -> s.component(e, 1))).toList();

        assertEquals(List.of("ABK", "ABF", "BBR"), qualifiers);
        assertEquals(List.of(), validator.validate(segments));
    }

    @Test
    void validatorFindsAWrongSegmentCountAndAMissingPayer() throws Exception {
        String x12 = new String(writer.write(ClaimType.PROFESSIONAL, 4, X12Fixtures.CREATED,
                List.of(ClaimScenarios.officeVisitClaim())), StandardCharsets.US_ASCII);
        List<Segment> segments = new java.util.ArrayList<>(reader.read(x12.getBytes(StandardCharsets.US_ASCII)));
        segments.removeIf(s -> s.is("NM1", "PR"));

        List<String> problems = validator.validate(segments);
        assertTrue(problems.stream().anyMatch(p -> p.contains("SE01")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("NM1*PR")), problems.toString());
    }

    @Test
    void claimsOfAnotherTypeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> writer.write(ClaimType.PROFESSIONAL, 5, X12Fixtures.CREATED,
                List.of(ClaimScenarios.inpatientClaim())));
    }

    private void assertMatchesGolden(String resource, byte[] written) throws IOException, MalformedX12Exception {
        List<Segment> actual = reader.read(written);
        assertEquals(List.of(), validator.validate(actual), "generated interchange is valid");
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " missing; generated:\n" + new String(written, StandardCharsets.US_ASCII));
            golden = in.readAllBytes();
        }
        List<Segment> expected = reader.read(golden);
        assertFalse(expected.isEmpty());
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            Segment e = i < expected.size() ? expected.get(i) : null;
            Segment a = i < actual.size() ? actual.get(i) : null;
            assertNotNull(e, "extra segment " + (i + 1) + ": " + a);
            assertNotNull(a, "missing segment " + (i + 1) + ": " + e);
            assertEquals(e.tag(), a.tag(), "segment " + (i + 1));
            for (int el = 1; el <= Math.max(e.size(), a.size()); el++) {
                assertEquals(e.element(el), a.element(el), "segment " + (i + 1) + " " + e.tag() + String.format("%02d", el));
            }
        }
    }
}
