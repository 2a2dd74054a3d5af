package io.revcycle.deploy.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.revcycle.deploy.feed.generate.SyntheticEncounter;
import io.revcycle.deploy.feed.render.FhirBundleRenderer;
import io.revcycle.deploy.feed.render.Hl7DftRenderer;
import io.revcycle.deploy.feed.render.JsonEncounterRenderer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Talks to the ingest endpoints and turns each answer into an {@link Outcome}. A 503 (Kafka or the
 * duplicate ledger not ready) and an unreachable service are retried after {@code Retry-After}
 * (at most 5 s) up to the configured attempts: resending is safe because ingest answers duplicate.
 */
final class IngestClient implements AutoCloseable {

    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(5);

    private final FeedSettings settings;
    private final HttpClient http;
    private final MllpClient mllp;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonEncounterRenderer jsonRenderer = new JsonEncounterRenderer();
    private final FhirBundleRenderer fhirRenderer = new FhirBundleRenderer();
    private final Hl7DftRenderer hl7Renderer;

    IngestClient(FeedSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        this.mllp = new MllpClient(settings.mllpHost(), settings.mllpPort());
        this.hl7Renderer = new Hl7DftRenderer(settings.sourceSystem());
    }

    /** Sends one encounter on a single-encounter channel. */
    Delivery send(Channel channel, SyntheticEncounter e) throws InterruptedException {
        try {
            return switch (channel) {
                case JSON -> json(e);
                case FHIR -> fhir(e);
                case HL7_HTTP -> hl7OverHttp(e);
                case HL7_MLLP -> hl7OverMllp(e);
                case JSON_BATCH -> batch(List.of(e)).get(0);
            };
        } catch (IOException ex) {
            return new Delivery(e, channel, Outcome.ERROR, ex.getClass().getSimpleName());
        }
    }

    /** Sends encounters as one batch request; one delivery per encounter, in order. */
    List<Delivery> batch(List<SyntheticEncounter> encounters) throws InterruptedException {
        List<Delivery> out = new ArrayList<>();
        try {
            HttpResponse<String> r = post("/v1/encounters/batch", "application/json", jsonRenderer.renderBatch(encounters));
            if (r.statusCode() == 202 || r.statusCode() == 422) {
                JsonNode results = json.readTree(r.body()).path("results");
                for (int i = 0; i < encounters.size(); i++) {
                    String status = results.path(i).path("status").asText("");
                    Outcome outcome = switch (status) {
                        case "accepted" -> Outcome.ACCEPTED;
                        case "duplicate" -> Outcome.DUPLICATE;
                        case "rejected" -> Outcome.REJECTED;
                        default -> Outcome.ERROR;
                    };
                    out.add(new Delivery(encounters.get(i), Channel.JSON_BATCH, outcome, "HTTP " + r.statusCode() + " " + status));
                }
                return out;
            }
            encounters.forEach(e -> out.add(new Delivery(e, Channel.JSON_BATCH, Outcome.ERROR, "HTTP " + r.statusCode())));
        } catch (IOException ex) {
            encounters.forEach(e -> out.add(new Delivery(e, Channel.JSON_BATCH, Outcome.ERROR, ex.getClass().getSimpleName())));
        }
        return out;
    }

    private Delivery json(SyntheticEncounter e) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/v1/encounters", "application/json", jsonRenderer.render(e));
        if (r.statusCode() == 202) {
            String status = json.readTree(r.body()).path("status").asText("");
            return new Delivery(e, Channel.JSON, "duplicate".equals(status) ? Outcome.DUPLICATE : Outcome.ACCEPTED, "HTTP 202 " + status);
        }
        return refusedOrError(e, Channel.JSON, r);
    }

    private Delivery fhir(SyntheticEncounter e) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/fhir", "application/fhir+json", fhirRenderer.render(e));
        if (r.statusCode() == 202) {
            String status = json.readTree(r.body()).path("issue").path(0).path("details").path("coding").path(0).path("code").asText("");
            return new Delivery(e, Channel.FHIR, "duplicate".equals(status) ? Outcome.DUPLICATE : Outcome.ACCEPTED, "HTTP 202 " + status);
        }
        return refusedOrError(e, Channel.FHIR, r);
    }

    private Delivery hl7OverHttp(SyntheticEncounter e) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/hl7v2", "application/hl7-v2", hl7Renderer.render(e));
        if (r.statusCode() == 200) {
            return fromAck(e, Channel.HL7_HTTP, Ack.parse(r.body()));
        }
        return refusedOrError(e, Channel.HL7_HTTP, r);
    }

    private Delivery hl7OverMllp(SyntheticEncounter e) throws IOException, InterruptedException {
        String message = hl7Renderer.render(e);
        IOException last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                Ack ack = Ack.parse(mllp.exchange(message));
                if (!ack.unavailable() || attempt == settings.attempts()) {
                    return fromAck(e, Channel.HL7_MLLP, ack);
                }
            } catch (IOException ex) {
                last = ex;
                if (attempt == settings.attempts()) {
                    throw ex;
                }
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no MLLP attempt made", last);
    }

    private static Delivery fromAck(SyntheticEncounter e, Channel channel, Ack ack) {
        Outcome outcome = switch (ack.code()) {
            case "AA", "CA" -> ack.text().endsWith("duplicate") ? Outcome.DUPLICATE : Outcome.ACCEPTED;
            case "AE", "CE" -> Outcome.REJECTED;
            case "AR", "CR" -> ack.unavailable() ? Outcome.ERROR : Outcome.REJECTED;
            default -> Outcome.ERROR;
        };
        return new Delivery(e, channel, outcome, "MSA " + ack.code());
    }

    private static Delivery refusedOrError(SyntheticEncounter e, Channel channel, HttpResponse<String> r) {
        Outcome outcome = r.statusCode() == 400 || r.statusCode() == 422 ? Outcome.REJECTED : Outcome.ERROR;
        return new Delivery(e, channel, outcome, "HTTP " + r.statusCode());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .header("X-API-Key", settings.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 503 || attempt >= settings.attempts()) {
                    return r;
                }
                Thread.sleep(retryAfter(r).toMillis());
            } catch (ConnectException | HttpTimeoutException ex) {
                if (attempt >= settings.attempts()) {
                    throw ex;
                }
                Thread.sleep(1000);
            }
        }
    }

    private URI resolve(String path) {
        String base = settings.ingestUrl().toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }

    private static Duration retryAfter(HttpResponse<?> r) {
        try {
            Duration d = Duration.ofSeconds(Long.parseLong(r.headers().firstValue("Retry-After").orElse("1").trim()));
            return d.compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : d;
        } catch (NumberFormatException ex) {
            return Duration.ofSeconds(1);
        }
    }

    @Override
    public void close() {
        mllp.close();
    }

    /** The MSA of an HL7 acknowledgment; {@code unavailable} when ingest could not publish (AR with ERR 207). */
    record Ack(String code, String text, boolean unavailable) {

        static Ack parse(String ack) {
            for (String segment : ack.split("[\r\n]+")) {
                if (segment.startsWith("MSA|")) {
                    String[] f = segment.split("\\|", -1);
                    String code = f.length > 1 ? f[1] : "";
                    return new Ack(code, f.length > 3 ? f[3] : "", "AR".equals(code) && ack.contains("|207^"));
                }
            }
            return new Ack("", "", false);
        }
    }
}
