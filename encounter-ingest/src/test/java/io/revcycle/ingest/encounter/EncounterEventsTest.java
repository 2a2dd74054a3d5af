package io.revcycle.ingest.encounter;

import io.revcycle.events.CodeSystem;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.SourceFormat;
import io.revcycle.ingest.Fixtures;
import io.revcycle.schemas.EventHeaders;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class EncounterEventsTest {

    private static final String OFFICE_VISIT = Fixtures.text("json/office-visit.json");

    private static CanonicalEncounter canonical(String json) {
        return EncounterEvents.canonical(Fixtures.submission(json), "epic-main");
    }

    private static EncounterReceived event(String json) {
        return canonical(json).toEvent(EventHeaders.create(EncounterEvents.PRODUCER, "ENC-2026-110201", null),
                1, SourceFormat.JSON, Instant.parse("2026-11-28T10:00:00Z"));
    }

    @Test
    void mapsTheSubmissionToTheContractWithNormalisedCodesAndExactMoney() {
        EncounterReceived e = event(OFFICE_VISIT);
        assertEquals("ENC-2026-110201", e.getEncounterId());
        assertEquals("E119", e.getDiagnoses().get(0).getCode().getValue());
        assertEquals(CodeSystem.CPT, e.getServices().get(0).getCode().getSystem());
        assertEquals(CodeSystem.HCPCS, e.getServices().get(2).getCode().getSystem());
        assertEquals(new BigDecimal("42.50"), e.getServices().get(1).getChargeAmount());
        assertEquals(LocalDate.parse("2026-11-02"), e.getServices().get(2).getServiceDate(), "defaults to the encounter date");
        assertEquals(new BigDecimal("437.50"), e.getTotalCharge());
        assertEquals("314417290", e.getBillingProvider().getTaxId());
    }

    @Test
    void theContentHashDependsOnTheFactsOnlyAndTheEventCarriesIt() {
        CanonicalEncounter first = canonical(OFFICE_VISIT);
        CanonicalEncounter resent = canonical(OFFICE_VISIT);
        CanonicalEncounter changed = canonical(OFFICE_VISIT.replace("42.50", "45.00").replace("437.50", "440.00"));
        assertEquals(first.contentHash(), resent.contentHash());
        assertNotEquals(first.contentHash(), changed.contentHash());
        assertEquals(64, first.contentHash().length());
        assertEquals(first.contentHash(), event(OFFICE_VISIT).getContentHash());
    }
}
