package io.revcycle.ingest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import io.revcycle.ingest.publish.LedgerReadiness;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refusing bad input of every format logs nothing that identifies the patient. */
@ExtendWith(EmbeddedKafkaExtension.class)
@MicronautTest
class NoPhiInLogsTest {

    private static final List<String> PHI = List.of("Quintanilla", "Brannigan", "Achterberg", "1961-04-17",
            "1978-09-23", "19540212", "MRN-884213", "MRN-552907", "MRN-310558", "BMH448812901", "7XK4PD2MN61");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    LedgerReadiness readiness;

    private void refused(String uri, String body, String contentType) {
        assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST(uri, body).contentType(contentType).header("X-API-Key", "test-key-epic"), String.class));
    }

    @Test
    void badInputsOfEveryFormatLeaveNoPatientDataInTheLogs() throws InterruptedException {
        IngestReady.await(readiness);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        LoggerContext context = root.getLoggerContext();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        ch.qos.logback.classic.Level previous = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            String json = Fixtures.text("json/office-visit.json");
            refused("/v1/encounters", json.replace("\"patientId\":", "\"patientId\""), MediaType.APPLICATION_JSON);
            refused("/v1/encounters", json.replace("\"units\": 1, \"chargeAmount\": 42.50", "\"units\": \"Quintanilla\", \"chargeAmount\": 42.50"),
                    MediaType.APPLICATION_JSON);
            refused("/v1/encounters", json.replace("1961-04-17", "17/04/1961"), MediaType.APPLICATION_JSON);
            refused("/fhir", Fixtures.text("fhir/encounter-period-not-a-date.json").replace("1978-09-23", "23.09.1978"), "application/fhir+json");
            refused("/fhir", Fixtures.text("fhir/patient-resource-not-a-bundle.json"), "application/fhir+json");
            refused("/hl7v2", Fixtures.text("hl7/dft-p03-bad-rendering-npi.hl7"), "application/hl7-v2");
            refused("/hl7v2", Fixtures.text("hl7/dft-p03-without-msh.hl7"), "application/hl7-v2");
        } finally {
            root.setLevel(previous);
            root.detachAppender(captured);
        }
        for (ILoggingEvent event : captured.list) {
            String text = event.getFormattedMessage() + throwableText(event.getThrowableProxy());
            for (String phi : PHI) {
                assertTrue(!text.contains(phi), "log line carries patient data: " + event.getLoggerName());
            }
        }
    }

    private static String throwableText(IThrowableProxy t) {
        StringBuilder sb = new StringBuilder();
        for (IThrowableProxy p = t; p != null; p = p.getCause()) {
            sb.append(' ').append(p.getMessage());
        }
        return sb.toString();
    }
}
