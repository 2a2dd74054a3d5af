package io.revcycle.ingest.encounter;

import io.revcycle.events.EncounterReceived;
import io.revcycle.events.EventHeader;
import io.revcycle.events.SourceFormat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An encounter's canonical content and its SHA-256: what deduplication compares. Turned into the
 * event to publish once the ledger has given it a version.
 */
public final class CanonicalEncounter {

    private final EncounterReceived content;
    private final String contentHash;

    CanonicalEncounter(EncounterReceived content, String contentHash) {
        this.content = content;
        this.contentHash = contentHash;
    }

    /** The encounter id at the source system. */
    public String encounterId() {
        return content.getEncounterId();
    }

    /** The source system the credential named. */
    public String sourceSystem() {
        return content.getSourceSystem();
    }

    /** SHA-256 (hex) of the canonical content. */
    public String contentHash() {
        return contentHash;
    }

    /** The event to publish: the content stamped with this service's header, the version and arrival. */
    public EncounterReceived toEvent(EventHeader header, int version, SourceFormat format, Instant receivedAt) {
        return EncounterReceived.newBuilder()
                .setHeader(header)
                .setEncounterId(content.getEncounterId())
                .setEncounterVersion(version)
                .setSourceSystem(content.getSourceSystem())
                .setSourceFormat(format)
                .setContentHash(contentHash)
                .setReceivedAt(receivedAt.truncatedTo(ChronoUnit.MILLIS))
                .setPatientId(content.getPatientId())
                .setPatient(content.getPatient())
                .setSelfPay(content.getSelfPay())
                .setCoverages(content.getCoverages())
                .setBillingProvider(content.getBillingProvider())
                .setRenderingProvider(content.getRenderingProvider())
                .setReferringProvider(content.getReferringProvider())
                .setAttendingProvider(content.getAttendingProvider())
                .setFacility(content.getFacility())
                .setPlaceOfService(content.getPlaceOfService())
                .setEncounterClass(content.getEncounterClass())
                .setServiceDateFrom(content.getServiceDateFrom())
                .setServiceDateTo(content.getServiceDateTo())
                .setAdmissionDate(content.getAdmissionDate())
                .setDischargeDate(content.getDischargeDate())
                .setAdmissionType(content.getAdmissionType())
                .setDischargeStatus(content.getDischargeStatus())
                .setDiagnoses(content.getDiagnoses())
                .setServices(content.getServices())
                .setProcedures(content.getProcedures())
                .setTotalCharge(content.getTotalCharge())
                .build();
    }
}
