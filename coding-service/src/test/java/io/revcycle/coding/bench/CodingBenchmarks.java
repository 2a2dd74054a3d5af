package io.revcycle.coding.bench;

import io.revcycle.coding.Encounters;
import io.revcycle.coding.cac.CodeSuggester;
import io.revcycle.coding.codesets.CodeChecker;
import io.revcycle.coding.codesets.CodeEntry;
import io.revcycle.coding.codesets.CodeSet;
import io.revcycle.coding.codesets.CodeSetRelease;
import io.revcycle.coding.codesets.CodeSets;
import io.revcycle.coding.codesets.IcdOrderFileReader;
import io.revcycle.coding.codesets.StarterCodeSets;
import io.revcycle.coding.edits.CoveragePolicy;
import io.revcycle.coding.edits.CoveragePolicyTable;
import io.revcycle.coding.edits.EditPipeline;
import io.revcycle.coding.queries.CodingOutcome;
import io.revcycle.coding.queries.CodingSettings;
import io.revcycle.coding.queries.EncounterCoder;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.EncounterReceived;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * JMH: code lookup in a full-size ICD-10-CM release (synthetic, official layout), a full code check,
 * the coder on one encounter (code sets, every edit, the decision), and a CAC suggestion.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class CodingBenchmarks {

    private static final LocalDate DOS = LocalDate.of(2025, 11, 3);

    private CodeSet fullSize;
    private String[] codes;
    private int next;
    private CodeChecker checker;
    private EncounterCoder coder;
    private EncounterReceived typical;
    private EncounterReceived conflicting;
    private CodeSuggester suggester;

    @Setup
    public void load() throws Exception {
        Path file = SyntheticOrderFile.write(Files.createTempFile("icd10cm-order-synthetic", ".txt"));
        List<CodeEntry> entries;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            entries = new IcdOrderFileReader(CodeSystem.ICD10CM).read(in).items();
        }
        Files.delete(file);
        fullSize = new CodeSet(CodeSystem.ICD10CM);
        fullSize.add(CodeSetRelease.fiscalYear(CodeSystem.ICD10CM, 2026), entries);
        codes = entries.stream().map(CodeEntry::code).limit(4096).toArray(String[]::new);
        CodeSets starter = StarterCodeSets.load();
        checker = new CodeChecker(starter);
        suggester = CodeSuggester.index(starter);
        coder = new EncounterCoder(starter, EditPipeline.standard(starter, new CoveragePolicyTable(List.of(
                new CoveragePolicy("93000", "STARTER-ECG", List.of("I10", "R07", "I48"))))),
                () -> suggester, CodingSettings.DEFAULT, Clock.systemUTC());
        typical = Encounters.encounter("BENCH-1").dx("I10", "E11.9", "E78.5", "R07.9")
                .service("99214", 1, 2, 3).service("93000", 1, 4).service("36415", 2).service("80053", 2, 3).build();
        conflicting = Encounters.encounter("BENCH-2").dx("J06.9").service("99213", 1).service("93000", 1).build();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Optional<CodeEntry> lookupInFullSizeRelease() {
        return fullSize.lookup(codes[next++ & 4095], DOS);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object checkCodeValidBillableOnDate() {
        return checker.check(CodeSystem.ICD10CM, "S52.521A", DOS);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public CodingOutcome codeCleanEncounterAllEdits() {
        return coder.code(typical, List.of());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public CodingOutcome codeEncounterRaisingAQuery() {
        return coder.code(conflicting, List.of());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object suggestCodesForText() {
        return suggester.suggest(CodeSystem.ICD10CM, "COPD with acute exacerbation", 5);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(CodingBenchmarks.class.getSimpleName()).build()).run();
    }
}
