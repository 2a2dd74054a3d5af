package io.revcycle.ingest.publish;

import jakarta.inject.Singleton;

/** Whether the duplicate ledger knows what was published before this process started. */
@Singleton
public final class LedgerReadiness {

    private volatile boolean ready = true;

    void awaitRebuild() {
        ready = false;
    }

    void rebuilt() {
        ready = true;
    }

    /** False while the ledger is being rebuilt from the encounters topic. */
    public boolean ready() {
        return ready;
    }
}
