package io.revcycle.claims.submission;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How claims leave: batching limits and the gateway ({@code claims.submission.*}).
 *
 * @param gateway                 {@code file-drop} (default) or {@code http}
 * @param outbox                  directory the file drop writes into
 * @param journal                 directory of the write-ahead journal of handed-over interchanges; it
 *                                must survive restarts as the Streams state does
 * @param httpUrl                 URL the HTTP gateway POSTs to
 * @param attempts                delivery attempts before a batch is reported FAILED
 * @param backoff                 wait before the second attempt; doubles each time
 * @param maxClaimsPerInterchange size limit of one interchange
 * @param maxWait                 time limit: longest a READY claim waits for its batch to fill
 * @param checkEvery              how often waiting batches are looked at
 */
@ConfigurationProperties("claims.submission")
public record SubmissionConfiguration(
        @Bindable(defaultValue = "file-drop") String gateway,
        @Bindable(defaultValue = "outbox") Path outbox,
        @Bindable(defaultValue = "journal") Path journal,
        @Bindable(defaultValue = "http://localhost:8090/v1/interchanges") String httpUrl,
        @Bindable(defaultValue = "3") int attempts,
        @Bindable(defaultValue = "500ms") Duration backoff,
        @Bindable(defaultValue = "500") int maxClaimsPerInterchange,
        @Bindable(defaultValue = "30s") Duration maxWait,
        @Bindable(defaultValue = "1s") Duration checkEvery) {
}
