package io.revcycle.deploy.feed.generate;

import io.revcycle.deploy.feed.generate.SyntheticEncounter.Diagnosis;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.FacilityKind;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.ServiceLine;
import io.revcycle.schemas.Npi;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncounterGeneratorTest {

    private static final Clock NOV_20 = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static List<SyntheticEncounter> generate(GeneratorSettings settings, int count) {
        return new EncounterGenerator(settings).next(count);
    }

    private static GeneratorSettings settings() {
        return GeneratorSettings.defaults().withClock(NOV_20);
    }

    private static double share(List<SyntheticEncounter> encounters, Predicate<SyntheticEncounter> test) {
        return encounters.stream().filter(test).count() / (double) encounters.size();
    }

    @Test
    void theSameSeedGivesTheSameEncountersAndAnotherSeedOthers() {
        List<SyntheticEncounter> first = generate(settings().withSeed(42), 300);
        assertEquals(first, generate(settings().withSeed(42), 300));
        assertNotEquals(first, generate(settings().withSeed(43), 300));
    }

    @Test
    void encounterIdsAreUniqueAndNameThePrefixAndSeed() {
        List<SyntheticEncounter> encounters = generate(settings().withSeed(9).withIdPrefix("DEMO"), 500);
        assertEquals(500, encounters.stream().map(SyntheticEncounter::encounterId).distinct().count());
        assertEquals("DEMO-9-000001", encounters.get(0).encounterId());
    }

    @Test
    void generatedNpisPassTheCheckDigitAndTheDeliberatelyBadOnesFailIt() {
        assertTrue(Npi.isValid(Npis.generate(new java.util.Random(1))), "a generated NPI");
        assertFalse(Npi.isValid(Npis.withWrongCheckDigit(Npis.generate(new java.util.Random(1)), new java.util.Random(2))));
        for (SyntheticEncounter e : generate(settings().withRates(0.3, 0.1), 1000)) {
            assertTrue(Npi.isValid(e.billingProvider().npi()));
            assertTrue(Npi.isValid(e.facility().npi()));
            boolean badNpi = e.flaw() == Flaw.BAD_NPI_CHECK_DIGIT;
            assertEquals(!badNpi, Npi.isValid(e.renderingProvider().npi()), e.encounterId());
            for (ServiceLine line : e.services()) {
                assertEquals(e.renderingProvider().npi(), line.renderingProviderNpi());
            }
        }
    }

    @Test
    void theConfiguredRatesOfErrorsAndGapsAreMet() {
        List<SyntheticEncounter> encounters = generate(settings().withRates(0.05, 0.10), 6000);
        assertEquals(0.05, share(encounters, e -> e.expectation() == Expectation.REJECTED), 0.012);
        assertEquals(0.10, share(encounters, e -> e.expectation() == Expectation.QUERY), 0.015);
        for (SyntheticEncounter e : encounters) {
            assertEquals(e.flaw() == null ? Expectation.ACCEPTED : e.flaw().expectation(), e.expectation());
        }
        for (Flaw flaw : Flaw.values()) {
            assertTrue(encounters.stream().anyMatch(e -> e.flaw() == flaw), "some encounters have " + flaw);
        }
        assertTrue(generate(settings().withRates(0, 0), 500).stream().allMatch(e -> e.expectation() == Expectation.ACCEPTED));
    }

    @Test
    void theSpecialtyMixFollowsTheWeights() {
        List<SyntheticEncounter> encounters = generate(settings().withRates(0, 0), 6000);
        int total = GeneratorSettings.defaultSpecialties().values().stream().mapToInt(Integer::intValue).sum();
        for (Specialty s : Specialty.values()) {
            assertEquals(s.defaultWeight() / (double) total, share(encounters, e -> e.specialty() == s), 0.02, s.name());
        }
        Map<Specialty, Integer> cardiologyOnly = new EnumMap<>(Specialty.class);
        cardiologyOnly.put(Specialty.CARDIOLOGY, 1);
        assertTrue(generate(settings().withSpecialties(cardiologyOnly), 200).stream().allMatch(e -> e.specialty() == Specialty.CARDIOLOGY));
    }

    @Test
    void hospitalCareIsInstitutionalAndOfficeCareProfessional() {
        for (SyntheticEncounter e : generate(settings(), 2000)) {
            switch (e.specialty()) {
                case EMERGENCY -> {
                    assertEquals(FacilityKind.HOSPITAL, e.facility().kind());
                    assertEquals("23", e.placeOfService());
                    assertTrue(e.services().get(0).code().matches("9928[1-5]"), "ED visit level");
                    assertTrue(e.services().stream().allMatch(l -> l.revenueCode() != null));
                    assertEquals(e.renderingProvider(), e.attendingProvider());
                }
                case INPATIENT, NEWBORN -> {
                    assertEquals(FacilityKind.HOSPITAL, e.facility().kind());
                    assertEquals("21", e.placeOfService());
                    assertTrue(e.admissionDate() != null && e.dischargeDate().isAfter(e.admissionDate()));
                    assertTrue(e.admissionType() != null && e.dischargeStatus() != null && e.attendingProvider() != null);
                }
                default -> {
                    assertEquals(FacilityKind.CLINIC, e.facility().kind());
                    assertEquals("11", e.placeOfService());
                    assertTrue(e.services().stream().allMatch(l -> l.revenueCode() == null));
                }
            }
        }
    }

    @Test
    void payersFollowAgeAndCoverageRules() {
        Set<String> payerIds = Set.of("SIM-MEDICARE", "SIM-PPO", "SIM-MEDICAID");
        List<SyntheticEncounter> encounters = generate(settings().withRates(0, 0).withSelfPayRate(0.05), 4000);
        for (SyntheticEncounter e : encounters) {
            assertEquals(e.selfPay(), e.coverages().isEmpty(), e.encounterId());
            e.coverages().forEach(c -> assertTrue(payerIds.contains(c.payer().payerId())));
            int age = e.patient().birthDate().until(e.serviceDateFrom()).getYears();
            if (e.coverages().stream().anyMatch(c -> c.payer() == Payer.MEDICARE)) {
                assertTrue(age >= 65, "Medicare patients are 65 or older");
            }
            if (e.specialty() == Specialty.NEWBORN && !e.selfPay()) {
                assertEquals(SyntheticEncounter.Relationship.CHILD, e.coverages().get(0).relationship());
                assertEquals(e.patient().birthDate(), e.admissionDate());
            }
            if (e.specialty() == Specialty.PRENATAL) {
                assertEquals(SyntheticEncounter.Sex.FEMALE, e.patient().sex());
            }
        }
        assertEquals(0.05, share(encounters, SyntheticEncounter::selfPay), 0.015);
        for (Payer p : Payer.values()) {
            assertTrue(encounters.stream().anyMatch(e -> !e.coverages().isEmpty() && e.coverages().get(0).payer() == p), p.name());
        }
    }

    @Test
    void chargesAreExactPricesTimesUnitsAndTheTotalIsTheirSum() {
        assertEquals(new BigDecimal("1290.50"), Chargemaster.charge("99285", 1, true));
        assertEquals(new BigDecimal("170.00"), Chargemaster.charge("94640", 2, false));
        for (SyntheticEncounter e : generate(settings(), 2000)) {
            BigDecimal sum = BigDecimal.ZERO;
            for (ServiceLine line : e.services()) {
                assertEquals(2, line.charge().scale());
                assertEquals(Chargemaster.charge(line.code(), line.units(), e.institutional()), line.charge());
                sum = sum.add(line.charge());
            }
            assertEquals(sum, e.totalCharge());
            assertEquals(2, e.totalCharge().scale());
        }
    }

    @Test
    void cleanEncountersAreDatedInThePastAndFutureDatedOnesAfterToday() {
        for (SyntheticEncounter e : generate(settings().withRates(0.3, 0.1), 2000)) {
            boolean future = e.flaw() == Flaw.FUTURE_SERVICE_DATE;
            assertEquals(future, e.serviceDateFrom().isAfter(TODAY), e.encounterId());
            if (!future) {
                assertTrue(e.serviceDateFrom().isAfter(TODAY.minusDays(45)) && e.serviceDateTo().isBefore(TODAY));
            }
            assertFalse(e.serviceDateTo().isBefore(e.serviceDateFrom()));
            assertFalse(e.patient().birthDate().isAfter(e.serviceDateFrom()));
            for (ServiceLine line : e.services()) {
                assertFalse(line.serviceDate().isBefore(e.serviceDateFrom()) || line.serviceDate().isAfter(e.serviceDateTo()));
            }
        }
    }

    @Test
    void flawsAreWhatTheyClaimToBe() {
        for (SyntheticEncounter e : generate(settings().withRates(0.4, 0.4), 1500)) {
            if (e.flaw() == Flaw.MISSING_COVERAGE) {
                assertTrue(e.coverages().isEmpty() && !e.selfPay());
            } else if (e.flaw() == Flaw.DIAGNOSIS_TEXT_ONLY) {
                assertTrue(e.diagnoses().stream().anyMatch(d -> d.code() == null && Set.of("CHF", "asthma").contains(d.text())));
            } else if (e.flaw() == Flaw.UNSPECIFIED_CODE) {
                assertTrue(e.diagnoses().stream().anyMatch(d -> "I50.9".equals(d.code()) && d.text() != null));
            }
            if (e.flaw() != null && e.flaw().expectation() == Expectation.QUERY) {
                assertTrue(e.specialty() != Specialty.NEWBORN, "no adult documentation gaps on newborns");
            }
        }
    }

    @Test
    void serviceLinesPointOnlyAtCodedDiagnosesAndFracturesCarryTheirSide() {
        for (SyntheticEncounter e : generate(settings(), 2000)) {
            for (ServiceLine line : e.services()) {
                assertFalse(line.diagnosisSequences().isEmpty());
                for (int pointer : line.diagnosisSequences()) {
                    Diagnosis d = e.diagnoses().get(pointer - 1);
                    assertTrue(d.code() != null, "lines link coded diagnoses");
                }
                if (line.modifiers().contains("RT")) {
                    assertTrue(e.diagnoses().stream().anyMatch(d -> "S52.521A".equals(d.code())));
                }
                if (line.modifiers().contains("LT")) {
                    assertTrue(e.diagnoses().stream().anyMatch(d -> "S52.522A".equals(d.code())));
                }
            }
        }
    }

    @Test
    void ratesOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> settings().withRates(0.7, 0.5));
        assertThrows(IllegalArgumentException.class, () -> settings().withSelfPayRate(-0.1));
    }
}
