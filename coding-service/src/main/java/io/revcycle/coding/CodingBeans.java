package io.revcycle.coding;

import io.micronaut.context.annotation.Factory;
import io.revcycle.coding.cac.CodeSearch;
import io.revcycle.coding.codesets.CodeSets;
import io.revcycle.coding.codesets.StarterCodeSets;
import io.revcycle.coding.edits.CoveragePolicyTable;
import io.revcycle.coding.edits.EditPipeline;
import io.revcycle.coding.queries.CodingSettings;
import io.revcycle.coding.queries.EncounterCoder;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Wires the plain coding classes into the service. */
@Factory
class CodingBeans {

    @Singleton
    CodeSets codeSets() {
        return StarterCodeSets.load();
    }

    @Singleton
    CodeSearch codeSearch(CodeSets codeSets) {
        return new CodeSearch(codeSets);
    }

    @Singleton
    CoveragePolicyTable coveragePolicies(CodingConfiguration configuration) {
        try {
            if (configuration.coveragePolicies() != null && !configuration.coveragePolicies().isBlank()) {
                try (BufferedReader in = Files.newBufferedReader(Path.of(configuration.coveragePolicies()))) {
                    return CoveragePolicyTable.read(in);
                }
            }
            try (InputStream in = CodingBeans.class.getResourceAsStream("/codesets/coverage-policies.tsv")) {
                return CoveragePolicyTable.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Singleton
    EncounterCoder encounterCoder(CodeSets codeSets, CoveragePolicyTable policies, CodeSearch search,
                                  CodingConfiguration configuration) {
        return new EncounterCoder(codeSets, EditPipeline.standard(codeSets, policies), search::suggester,
                new CodingSettings(configuration.autoCodeThreshold(), configuration.maxOptions()), Clock.systemUTC());
    }
}
