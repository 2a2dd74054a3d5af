package io.revcycle.ingest.hl7;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.EncounterRejected;
import io.revcycle.events.FinancialClass;
import io.revcycle.events.SourceFormat;
import io.revcycle.events.Transport;
import io.revcycle.ingest.Fixtures;
import io.revcycle.ingest.IngestReady;
import io.revcycle.ingest.PublishedRecords;
import io.revcycle.ingest.encounter.EncounterEvents;
import io.revcycle.ingest.publish.LedgerReadiness;
import io.revcycle.schemas.Topics;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(EmbeddedKafkaExtension.class)
@MicronautTest
class Hl7IntakeTest {

    private static final String FIXTURE_ID = "V-2026-1105-0042";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    MllpListener mllp;

    @Inject
    LedgerReadiness readiness;

    @BeforeEach
    void ready() throws InterruptedException {
        IngestReady.await(readiness);
    }

    private static String message(String fixture, String visit) {
        return Fixtures.text(fixture).replace(FIXTURE_ID, visit);
    }

    private static String newVisit() {
        return "V-" + UUID.randomUUID().toString().substring(0, 18);
    }

    /** Sends each message as one MLLP frame on one connection and returns the ACK frames. */
    private List<String> overMllp(String... messages) throws IOException {
        try (Socket socket = new Socket("localhost", mllp.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            List<String> acks = new java.util.ArrayList<>();
            for (String m : messages) {
                out.write(0x0B);
                out.write(m.getBytes(StandardCharsets.UTF_8));
                out.write(0x1C);
                out.write(0x0D);
                out.flush();
                acks.add(readFrame(in));
            }
            return acks;
        }
    }

    private static String readFrame(InputStream in) throws IOException {
        int b = in.read();
        if (b != 0x0B) {
            throw new IOException("no MLLP start block");
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        while ((b = in.read()) != 0x1C) {
            frame.write(b);
        }
        in.read();
        return frame.toString(StandardCharsets.UTF_8);
    }

    private static String msa(String ack) {
        return ack.split("\r")[1];
    }

    @Test
    void aChargeMessageOverMllpIsPublishedAndAcknowledgedAaAndItsResendIsADuplicate() throws IOException {
        String visit = newVisit();
        List<String> acks = overMllp(message("hl7/dft-p03-office-visit.hl7", visit), message("hl7/dft-p03-office-visit.hl7", visit));

        assertTrue(msa(acks.get(0)).startsWith("MSA|AA|MSG00017731|"), acks.get(0));
        assertTrue(acks.get(0).startsWith("MSH|^~\\&|REVCYCLE-INGEST|"), acks.get(0));
        assertTrue(msa(acks.get(1)).contains("version 1 duplicate"), acks.get(1));
        List<EncounterReceived> published = PublishedRecords.values(Topics.ENCOUNTERS, visit);
        assertEquals(1, published.size());
        EncounterReceived e = published.get(0);
        assertEquals(SourceFormat.HL7V2, e.getSourceFormat());
        assertEquals("epic-main", e.getSourceSystem(), "MLLP takes the source system from MSH-3");
        assertEquals("MRN-310558", e.getPatientId());
        assertEquals(FinancialClass.MEDICARE, e.getCoverages().get(0).getFinancialClass());
        assertEquals("314417290", e.getBillingProvider().getTaxId());
        assertEquals(List.of("25"), e.getServices().get(0).getModifiers());
        assertEquals(CodeSystem.HCPCS, e.getServices().get(2).getCode().getSystem());
        assertEquals(new BigDecimal("300.15"), e.getTotalCharge());
    }

    @Test
    void aChargeMessageOverHttpIsAcknowledgedAaWithTheCredentialsSourceSystem() {
        String visit = newVisit();
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.POST("/hl7v2",
                message("hl7/dft-p03-line-feed-separators.hl7", "V-2026-1105-0043").replace("V-2026-1105-0043", visit))
                .contentType("application/hl7-v2").header("X-API-Key", "test-key-cerner"), String.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        assertTrue(msa(response.body()).startsWith("MSA|AA|"), response.body());
        assertEquals("cerner-er", PublishedRecords.values(Topics.ENCOUNTERS, visit).get(0).getSourceSystem());
    }

    @Test
    void aBadNpiIsAnsweredAeWithErrSegmentsNamingTheFieldsAndGoesToTheRejectedTopic() throws IOException {
        String visit = newVisit();
        String ack = overMllp(message("hl7/dft-p03-bad-rendering-npi.hl7", visit)).get(0);

        assertTrue(msa(ack).startsWith("MSA|AE|MSG00017731"), ack);
        assertTrue(ack.contains("\rERR||PV1^1^7^1|"), ack);
        assertTrue(ack.contains("\rERR||FT1^1^20^1|"), ack);
        assertFalse(ack.contains("1234567890"), "the refused value is not echoed");
        assertEquals(List.of(), PublishedRecords.values(Topics.ENCOUNTERS, visit));
        List<EncounterRejected> rejected = PublishedRecords.values(Topics.ENCOUNTERS_REJECTED, visit);
        assertEquals(1, rejected.size());
        assertEquals(Transport.MLLP, rejected.get(0).getTransport());
        assertTrue(rejected.get(0).getReasons().stream().allMatch(f -> f.getRule().equals("NPI_CHECK_DIGIT")));
        assertTrue(rejected.get(0).getReasons().stream().noneMatch(f -> f.getMessage().contains("1234567890")));
    }

    @Test
    void aMissingPidIsAnsweredAeNamingPid() throws IOException {
        String visit = newVisit();
        String ack = overMllp(message("hl7/dft-p03-missing-pid.hl7", visit)).get(0);
        assertTrue(msa(ack).startsWith("MSA|AE|"), ack);
        assertTrue(ack.contains("\rERR||PID^1|101^Required field missing^HL70357|E"), ack);
        assertEquals(List.of(), PublishedRecords.values(Topics.ENCOUNTERS, visit));
    }

    @Test
    void aMissingMshIsAnsweredArAndRecordedByInputHash() throws IOException {
        String text = message("hl7/dft-p03-without-msh.hl7", newVisit());
        String ack = overMllp(text).get(0);
        assertTrue(msa(ack).startsWith("MSA|AR|"), ack);
        assertTrue(ack.contains("\rERR||MSH^1|"), ack);
        String inputHash = EncounterEvents.inputHash(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, PublishedRecords.values(Topics.ENCOUNTERS_REJECTED, inputHash).size());
    }

    @Test
    void anOversizeFrameIsAnsweredArAndTheConnectionStaysInStep() throws IOException {
        String visit = newVisit();
        String oversize = message("hl7/dft-p03-office-visit.hl7", newVisit()).replace("EVN|P03|", "NTE|1||" + "x".repeat(300 * 1024) + "\rEVN|P03|");
        List<String> acks = overMllp(oversize, message("hl7/dft-p03-office-visit.hl7", visit));
        assertTrue(msa(acks.get(0)).startsWith("MSA|AR|"), acks.get(0));
        assertTrue(msa(acks.get(1)).startsWith("MSA|AA|"), acks.get(1));
        assertEquals(1, PublishedRecords.values(Topics.ENCOUNTERS, visit).size());
    }

    @Test
    void anotherMessageTypeIsAnsweredArNamingMsh9() throws IOException {
        String visit = newVisit();
        String ack = overMllp(message("hl7/adt-a01-wrong-message-type.hl7", visit)).get(0);
        assertTrue(msa(ack).startsWith("MSA|AR|MSG00017731"), ack);
        assertTrue(ack.contains("\rERR||MSH^1^9^1|103^"), ack);
        assertEquals(List.of(), PublishedRecords.values(Topics.ENCOUNTERS, visit));
    }

    @Test
    void anUnknownSendingApplicationIsRefusedOnMllp() throws IOException {
        String visit = newVisit();
        String ack = overMllp(message("hl7/dft-p03-office-visit.hl7", visit).replace("|epic-main|", "|rogue-feed|")).get(0);
        assertTrue(msa(ack).startsWith("MSA|AR|"), ack);
        assertTrue(ack.contains("\rERR||MSH^1^3^1|"), ack);
        assertEquals(List.of(), PublishedRecords.values(Topics.ENCOUNTERS, visit));
    }

    @Test
    void overHttpAnInvalidMessageIs422WithItsAckAndAWrongContentTypeIs415() {
        HttpClientResponseException invalid = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/hl7v2", message("hl7/dft-p03-bad-rendering-npi.hl7", newVisit()))
                        .contentType("application/hl7-v2").header("X-API-Key", "test-key-epic"), String.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, invalid.getStatus());
        assertTrue(invalid.getResponse().getBody(String.class).orElseThrow().contains("MSA|AE|"));
        HttpClientResponseException json = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/hl7v2", message("hl7/dft-p03-office-visit.hl7", newVisit()))
                        .contentType(MediaType.APPLICATION_JSON).header("X-API-Key", "test-key-epic"), String.class));
        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, json.getStatus());
    }
}
