package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.events.Acknowledgment;
import io.revcycle.events.AcknowledgmentKind;
import io.revcycle.events.AcknowledgmentResult;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * First-pass acceptance: claims the payer accepted on their first 277CA, over the claims whose
 * first answer is known. The first answer is the earliest received of a rejecting 999 and the
 * first 277CA; a claim with only an accepting 999 is still waiting and not counted. Only a 277CA
 * result of ACCEPTED passes: accepted with errors means the payer did not take it as sent.
 */
public final class FirstPassAcceptance {

    private final Map<String, FirstAnswers> byClaim = new HashMap<>();

    public void record(Acknowledgment ack) {
        FirstAnswers answers = byClaim.computeIfAbsent(ack.getClaimId(), id -> new FirstAnswers());
        Instant at = ack.getReceivedAt();
        if (ack.getKind() == AcknowledgmentKind.IMPLEMENTATION_999) {
            if (ack.getResult() == AcknowledgmentResult.REJECTED
                    && (answers.rejected999At == null || at.isBefore(answers.rejected999At))) {
                answers.rejected999At = at;
            }
        } else if (answers.first277At == null || at.isBefore(answers.first277At)) {
            answers.first277At = at;
            answers.first277Result = ack.getResult();
        }
    }

    public Ratio result() {
        long answered = 0;
        long acceptedFirst = 0;
        for (FirstAnswers answers : byClaim.values()) {
            if (answers.rejected999At != null
                    && (answers.first277At == null || answers.rejected999At.isBefore(answers.first277At))) {
                answered++;
            } else if (answers.first277At != null) {
                answered++;
                if (answers.first277Result == AcknowledgmentResult.ACCEPTED) {
                    acceptedFirst++;
                }
            }
        }
        return Ratio.of(acceptedFirst, answered);
    }

    private static final class FirstAnswers {
        private Instant rejected999At;
        private Instant first277At;
        private AcknowledgmentResult first277Result;
    }
}
