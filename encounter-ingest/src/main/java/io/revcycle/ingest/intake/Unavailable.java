package io.revcycle.ingest.intake;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.revcycle.ingest.publish.KafkaUnavailableException;
import io.revcycle.ingest.publish.PublishSettings;

import java.util.concurrent.CompletionException;

/** The 503 answer given when Kafka did not acknowledge in time: nothing was published, retry later. */
public final class Unavailable {

    private Unavailable() {
    }

    /** True when the failure means Kafka could not take the record. */
    public static boolean isUnavailable(Throwable error) {
        return unwrap(error) instanceof KafkaUnavailableException;
    }

    /** The failure without its CompletableFuture wrapper. */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** 503 with Retry-After in seconds and the given body. */
    public static <B> MutableHttpResponse<B> response(PublishSettings settings, B body) {
        return HttpResponse.<B>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(Math.max(1, settings.retryAfter().toSeconds())))
                .body(body);
    }
}
