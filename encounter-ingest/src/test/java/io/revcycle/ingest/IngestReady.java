package io.revcycle.ingest;

import io.revcycle.ingest.publish.LedgerReadiness;

/** Waits until the service has rebuilt its duplicate ledger and accepts encounters. */
public final class IngestReady {

    private IngestReady() {
    }

    /** Returns once the ledger is rebuilt (fails the test after a minute). */
    public static void await(LedgerReadiness readiness) throws InterruptedException {
        for (int i = 0; i < 600 && !readiness.ready(); i++) {
            Thread.sleep(100);
        }
        if (!readiness.ready()) {
            throw new IllegalStateException("encounter ledger not rebuilt within a minute");
        }
    }
}
