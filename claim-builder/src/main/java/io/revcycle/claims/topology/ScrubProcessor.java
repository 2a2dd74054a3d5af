package io.revcycle.claims.topology;

import io.revcycle.claims.assembly.ClaimCopy;
import io.revcycle.claims.scrub.ClaimFingerprints;
import io.revcycle.claims.scrub.ClaimScrubber;
import io.revcycle.events.Claim;
import io.revcycle.events.Finding;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scrubs claims arriving keyed by their duplicate fingerprint (so every claim that could be a
 * duplicate of another meets it in this task) and forwards them keyed by claim id, the findings
 * in the claim's findings list.
 */
final class ScrubProcessor implements Processor<String, Claim, String, Claim> {

    private final ClaimScrubber.Factory scrubbers;
    private final Clock clock;
    private ProcessorContext<String, Claim> context;
    private ClaimScrubber scrubber;

    ScrubProcessor(ClaimScrubber.Factory scrubbers, Clock clock) {
        this.scrubbers = scrubbers;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Claim> context) {
        this.context = context;
        KeyValueStore<String, String> store = context.getStateStore(ClaimStores.FINGERPRINTS);
        this.scrubber = scrubbers.create(new ClaimFingerprints() {
            @Override
            public Optional<String> claimWith(String fingerprint) {
                return Optional.ofNullable(store.get(fingerprint));
            }

            @Override
            public void remember(String fingerprint, String claimId) {
                store.put(fingerprint, claimId);
            }
        });
    }

    @Override
    public void process(Record<String, Claim> record) {
        Claim claim = record.value();
        List<Finding> findings = scrubber.scrub(claim, LocalDate.now(clock));
        Claim scrubbed = ClaimCopy.of(claim);
        scrubbed.setFindings(new ArrayList<>(findings));
        context.forward(record.withKey(claim.getClaimId()).withValue(scrubbed));
    }
}
