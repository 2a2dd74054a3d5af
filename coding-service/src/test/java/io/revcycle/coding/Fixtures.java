package io.revcycle.coding;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Test fixtures under src/test/resources, and the shared CMS sample when a checkout has it. */
public final class Fixtures {

    private Fixtures() {
    }

    public static BufferedReader reader(String resource) {
        InputStream in = Fixtures.class.getResourceAsStream("/" + resource);
        if (in == null) {
            throw new IllegalArgumentException("missing fixture " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * The real CMS order-file lines kept beside the repository ({@code shared/data}); absent in most
     * checkouts, so tests using it skip when this is empty.
     */
    public static Optional<Path> cmsOrderFileSample() {
        String dir = System.getProperty("revcycle.shared.data", "../../shared/data");
        Path sample = Path.of(dir, "icd10cm-order-2025-sample.txt");
        return Files.isReadable(sample) ? Optional.of(sample) : Optional.empty();
    }
}
