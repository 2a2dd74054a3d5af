package io.revcycle.coding.codesets;

import io.revcycle.events.CodeSystem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Imports an official release from a directory holding the publishers' files as downloaded and
 * unzipped. Files are recognised by the names CMS gives them:
 * <ul>
 *   <li>{@code icd10cm*order*.txt}: ICD-10-CM order file (preferred), else {@code icd10cm*codes*.txt};</li>
 *   <li>{@code icd10pcs*order*.txt}: ICD-10-PCS order file;</li>
 *   <li>{@code HCPC*.txt} (not the record layout): HCPCS Level II;</li>
 *   <li>{@code cpt*.txt}: CPT code numbers loaded by a licensed customer;</li>
 *   <li>{@code *ptp*}, {@code ccipra*}, {@code ccioph*}: NCCI PTP (outpatient hospital when the name says
 *   {@code oph}, {@code hosp} or {@code outpatient});</li>
 *   <li>{@code *mue*}: MUE (practitioner or outpatient hospital likewise; DME tables are skipped).</li>
 * </ul>
 * Code set releases take effect on {@code effectiveFrom} and close the previous open-ended release.
 */
public final class CodeSetImporter {

    /** What one file contributed. */
    public record FileImport(String file, String content, int loaded, int rejected) {
    }

    private final CodeSets codeSets;

    public CodeSetImporter(CodeSets codeSets) {
        this.codeSets = codeSets;
    }

    /** Imports every recognised file of the directory; unrecognised files are ignored. */
    public List<FileImport> importDirectory(Path directory, LocalDate effectiveFrom, String version) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        boolean hasCmOrder = files.stream().anyMatch(f -> kind(f) == Kind.ICD10CM_ORDER);
        List<FileImport> imports = new ArrayList<>();
        for (Path file : files) {
            Kind kind = kind(file);
            if (kind == null || (kind == Kind.ICD10CM_CODES && hasCmOrder)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                imports.add(load(kind, file.getFileName().toString(), reader(in), effectiveFrom, version));
            }
        }
        return imports;
    }

    /** Loads one publisher file of a known kind. */
    public FileImport load(Kind kind, String name, BufferedReader in, LocalDate effectiveFrom, String version)
            throws IOException {
        return switch (kind) {
            case ICD10CM_ORDER -> codes(name, kind, new IcdOrderFileReader(CodeSystem.ICD10CM).read(in), CodeSystem.ICD10CM, effectiveFrom, version);
            case ICD10CM_CODES -> codes(name, kind, new IcdCodesFileReader().read(in), CodeSystem.ICD10CM, effectiveFrom, version);
            case ICD10PCS_ORDER -> codes(name, kind, new IcdOrderFileReader(CodeSystem.ICD10PCS).read(in), CodeSystem.ICD10PCS, effectiveFrom, version);
            case HCPCS -> codes(name, kind, new HcpcsFileReader().read(in), CodeSystem.HCPCS, effectiveFrom, version);
            case CPT -> codes(name, kind, new CodeListReader(CodeSystem.CPT).read(in), CodeSystem.CPT, effectiveFrom, version);
            case PTP_PRACTITIONER, PTP_OUTPATIENT_HOSPITAL -> {
                Loaded<PtpEdit> loaded = NcciPtpTable.read(in);
                codeSets.replacePtp(kind == Kind.PTP_PRACTITIONER ? CareSetting.PRACTITIONER : CareSetting.OUTPATIENT_HOSPITAL,
                        new NcciPtpTable(loaded.items()));
                yield new FileImport(name, kind.name(), loaded.items().size(), loaded.rejected().size());
            }
            case MUE_PRACTITIONER, MUE_OUTPATIENT_HOSPITAL -> {
                Loaded<MueLimit> loaded = MueTable.read(in);
                codeSets.replaceMue(kind == Kind.MUE_PRACTITIONER ? CareSetting.PRACTITIONER : CareSetting.OUTPATIENT_HOSPITAL,
                        new MueTable(loaded.items()));
                yield new FileImport(name, kind.name(), loaded.items().size(), loaded.rejected().size());
            }
        };
    }

    /** The kinds of publisher file the importer reads. */
    public enum Kind {
        ICD10CM_ORDER, ICD10CM_CODES, ICD10PCS_ORDER, HCPCS, CPT,
        PTP_PRACTITIONER, PTP_OUTPATIENT_HOSPITAL, MUE_PRACTITIONER, MUE_OUTPATIENT_HOSPITAL
    }

    /** The kind of a file from its name, or null when it is none we read. */
    static Kind kind(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".txt") || n.contains("layout") || n.contains("readme")) {
            return null;
        }
        boolean hospital = n.contains("oph") || n.contains("hosp") || n.contains("outpatient");
        if (n.startsWith("icd10cm") && n.contains("order")) {
            return Kind.ICD10CM_ORDER;
        }
        if (n.startsWith("icd10cm") && n.contains("codes")) {
            return Kind.ICD10CM_CODES;
        }
        if (n.startsWith("icd10pcs") && n.contains("order")) {
            return Kind.ICD10PCS_ORDER;
        }
        if (n.startsWith("hcpc")) {
            return Kind.HCPCS;
        }
        if (n.startsWith("cpt")) {
            return Kind.CPT;
        }
        if (n.contains("ptp") || n.startsWith("ccipra") || n.startsWith("ccioph")) {
            return hospital ? Kind.PTP_OUTPATIENT_HOSPITAL : Kind.PTP_PRACTITIONER;
        }
        if (n.contains("mue") && !n.contains("dme")) {
            return hospital ? Kind.MUE_OUTPATIENT_HOSPITAL : Kind.MUE_PRACTITIONER;
        }
        return null;
    }

    /** Publishers' files are ASCII in practice; a stray byte becomes a replacement character, never a failure. */
    static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    private FileImport codes(String name, Kind kind, Loaded<CodeEntry> loaded, CodeSystem system, LocalDate from,
                             String version) {
        codeSets.codeSet(system).add(new CodeSetRelease(system, version, from, null), loaded.items());
        return new FileImport(name, kind.name(), loaded.items().size(), loaded.rejected().size());
    }
}
