package io.revcycle.payments.era;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Loads the 835 fixtures under src/test/resources/835. */
public final class Fixtures {

    private Fixtures() {
    }

    public static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/835/" + name + ".edi");
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        return in;
    }

    public static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<RemittanceAdvice> parse(String name) throws RemittanceParseException {
        return new Era835Parser().parse(open(name), name + ".edi");
    }
}
