package io.revcycle.claims.submission;

import java.io.IOException;

/** Hands an X12 interchange to the clearinghouse. */
public interface ClaimGateway {

    /** Short name recorded on submission events, e.g. file-drop. */
    String name();

    /**
     * Delivers the interchange under the given file name. Delivering the same name again replaces
     * the earlier delivery where the channel allows it (the file drop does).
     *
     * @throws IOException when the delivery did not happen; the caller retries
     */
    void submit(String fileName, byte[] interchange) throws IOException;
}
