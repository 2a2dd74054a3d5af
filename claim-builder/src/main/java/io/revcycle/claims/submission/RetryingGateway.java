package io.revcycle.claims.submission;

import java.io.IOException;
import java.time.Duration;

/** Retries a gateway with exponential backoff before giving up. */
public final class RetryingGateway implements ClaimGateway {

    /** Sleeps between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ClaimGateway delegate;
    private final int attempts;
    private final Duration firstBackoff;
    private final Sleeper sleeper;
    private int lastAttempts;

    public RetryingGateway(ClaimGateway delegate, int attempts, Duration firstBackoff, Sleeper sleeper) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.delegate = delegate;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
        this.sleeper = sleeper;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void submit(String fileName, byte[] interchange) throws IOException {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            lastAttempts = attempt;
            try {
                delegate.submit(fileName, interchange);
                return;
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw e;
                }
            }
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while retrying " + fileName, e);
            }
            backoff = backoff.multipliedBy(2);
        }
    }

    /** Attempts the last submission took. */
    public int lastAttempts() {
        return lastAttempts;
    }
}
