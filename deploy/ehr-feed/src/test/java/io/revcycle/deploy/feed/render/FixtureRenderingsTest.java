package io.revcycle.deploy.feed.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.revcycle.deploy.feed.generate.SyntheticEncounter;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The renderings of one hand-built encounter (an ED visit for a right wrist fracture with a
 * splint, covered through the spouse's plan), kept as fixtures that show each format exactly.
 */
class FixtureRenderingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SyntheticEncounter visit = Examples.emergencyWristSplintSpouseCoverage();

    private static String fixture(String name) throws IOException {
        try (InputStream in = FixtureRenderingsTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void hl7IsTheDftP03OfTheFixture() throws IOException {
        assertEquals(fixture("hl7/emergency-wrist-splint-spouse-coverage.hl7"), new Hl7DftRenderer("local").render(visit));
    }

    @Test
    void jsonIsTheIngestModelOfTheFixture() throws IOException {
        assertEquals(JSON.readTree(fixture("json/emergency-wrist-splint-spouse-coverage.json")),
                JSON.readTree(new JsonEncounterRenderer().render(visit)));
    }

    @Test
    void fhirIsTheBundleOfTheFixture() throws IOException {
        assertEquals(JSON.readTree(fixture("fhir/emergency-wrist-splint-spouse-coverage-bundle.json")),
                JSON.readTree(new FhirBundleRenderer().render(visit)));
    }
}
