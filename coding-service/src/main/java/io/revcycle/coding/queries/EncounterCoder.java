package io.revcycle.coding.queries;

import io.revcycle.coding.cac.CodeSuggester;
import io.revcycle.coding.cac.Suggestion;
import io.revcycle.coding.codesets.CareSetting;
import io.revcycle.coding.codesets.CodeEntry;
import io.revcycle.coding.codesets.CodeFormat;
import io.revcycle.coding.codesets.CodeSets;
import io.revcycle.coding.edits.CodingDraft;
import io.revcycle.coding.edits.DiagnosisPointers;
import io.revcycle.coding.edits.DraftDiagnosis;
import io.revcycle.coding.edits.DraftLine;
import io.revcycle.coding.edits.EditFinding;
import io.revcycle.coding.edits.EditPipeline;
import io.revcycle.events.Code;
import io.revcycle.events.CodeSource;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.CodedDiagnosis;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodedProcedure;
import io.revcycle.events.CodedServiceLine;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.DocumentedDiagnosis;
import io.revcycle.events.DocumentedProcedure;
import io.revcycle.events.DocumentedService;
import io.revcycle.events.EncounterClass;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.FacilityKind;
import io.revcycle.events.Finding;
import io.revcycle.events.QueryOption;
import io.revcycle.events.QueryReason;
import io.revcycle.events.QueryStatus;
import io.revcycle.events.Severity;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.TrustedAvroPackages;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coder's decision on one encounter version: take the documented codes, suggest codes for text
 * documented without one, apply the answers to earlier queries, run the edits, and either code the
 * encounter or raise the one query that blocks it.
 *
 * <p>A query asks one question at a time: documentation without a usable code first, then the first
 * blocking edit. An answer that chooses codes replaces the code the query was about (or adds
 * diagnoses); an answer without codes accepts the documentation, so the findings it was asked about
 * are kept as warnings.
 */
public final class EncounterCoder {

    /** Producer name on the events this service writes. */
    public static final String PRODUCER = "coding-service";

    private static final Pattern DIAGNOSIS_FIELD = Pattern.compile("diagnoses\\[seq=(\\d+)]");

    static {
        // building events copies default values, which Avro only does for trusted classes
        TrustedAvroPackages.install();
    }

    private final CodeSets codeSets;
    private final EditPipeline edits;
    private final Supplier<CodeSuggester> suggester;
    private final CodingSettings settings;
    private final Clock clock;

    public EncounterCoder(CodeSets codeSets, EditPipeline edits, Supplier<CodeSuggester> suggester,
                          CodingSettings settings, Clock clock) {
        this.codeSets = codeSets;
        this.edits = edits;
        this.suggester = suggester;
        this.settings = settings;
        this.clock = clock;
    }

    /** Codes the encounter given the queries answered so far for this version. */
    public CodingOutcome code(EncounterReceived encounter, List<AnsweredQuery> answered) {
        List<PendingQuestion> questions = new ArrayList<>();
        List<DraftDiagnosis> diagnoses = diagnoses(encounter, answered, questions);
        List<DraftLine> lines = lines(encounter, answered, questions);
        addAnsweredDiagnoses(answered, diagnoses, lines);
        CodingDraft draft = new CodingDraft(encounter.getServiceDateFrom(), encounter.getPatient().getBirthDate(),
                encounter.getPatient().getSex(), setting(encounter), encounter.getEncounterClass() == EncounterClass.INPATIENT,
                diagnoses, lines, procedures(encounter));

        List<EditFinding> findings = new ArrayList<>(accepting(answered, edits.run(draft)));
        findings.addAll(accepting(answered, specificity(encounter, draft)));
        if (!questions.isEmpty()) {
            return new CodingOutcome.Query(query(encounter, answered, questions.get(0), findings), findings);
        }
        Optional<EditFinding> blocking = findings.stream().filter(EditFinding::blocking).findFirst();
        if (blocking.isPresent()) {
            EditFinding b = blocking.get();
            PendingQuestion q = new PendingQuestion(b.reason(), b.finding().getMessage(), b.options().stream()
                    .map(c -> option(c, null)).toList(), b.finding().getLineNumber(), diagnosisSequence(b.finding()));
            return new CodingOutcome.Query(query(encounter, answered, q, findings), findings);
        }
        return new CodingOutcome.Coded(coded(encounter, answered, draft, findings), findings);
    }

    /** A question to put to the provider, before it becomes a {@link CodingQuery}. */
    private record PendingQuestion(QueryReason reason, String question, List<QueryOption> options, Integer lineNumber,
                                   Integer diagnosisSequence) {
    }

    private List<DraftDiagnosis> diagnoses(EncounterReceived encounter, List<AnsweredQuery> answered,
                                          List<PendingQuestion> questions) {
        List<DraftDiagnosis> result = new ArrayList<>();
        List<DocumentedDiagnosis> documented = new ArrayList<>(encounter.getDiagnoses());
        documented.sort(Comparator.comparingInt(DocumentedDiagnosis::getSequence));
        for (DocumentedDiagnosis d : documented) {
            Optional<Code> chosen = chosenFor(answered, d.getSequence(), null, Set.of(CodeSystem.ICD10CM));
            if (chosen.isPresent()) {
                result.add(new DraftDiagnosis(d.getSequence(), CodeSystem.ICD10CM, CodeFormat.normalize(chosen.get().getValue()),
                        CodeSource.CODER_ANSWER, null, d.getText(), d.getPresentOnAdmission()));
            } else if (d.getCode() != null && !d.getCode().getValue().isBlank()) {
                result.add(new DraftDiagnosis(d.getSequence(), d.getCode().getSystem(), CodeFormat.normalize(d.getCode().getValue()),
                        CodeSource.DOCUMENTED, null, d.getText(), d.getPresentOnAdmission()));
            } else if (d.getText() != null && !d.getText().isBlank()) {
                List<Suggestion> suggestions = suggester.get().suggest(CodeSystem.ICD10CM, d.getText(), settings.maxOptions());
                if (!suggestions.isEmpty() && suggestions.get(0).confidence() >= settings.autoCodeThreshold()) {
                    Suggestion best = suggestions.get(0);
                    result.add(new DraftDiagnosis(d.getSequence(), CodeSystem.ICD10CM, best.code(), CodeSource.COMPUTER_ASSISTED,
                            best.confidence(), d.getText(), d.getPresentOnAdmission()));
                } else {
                    questions.add(new PendingQuestion(QueryReason.LOW_CONFIDENCE_TEXT,
                            "Diagnosis " + d.getSequence() + " is documented as \"" + d.getText()
                                    + "\": which ICD-10-CM code does the documentation support?",
                            suggestions.stream().map(EncounterCoder::option).toList(), null, d.getSequence()));
                }
            } else {
                questions.add(new PendingQuestion(QueryReason.MISSING_DIAGNOSIS,
                        "Diagnosis " + d.getSequence() + " has neither a code nor documentation text: what was diagnosed?",
                        List.of(), null, d.getSequence()));
            }
        }
        return result;
    }

    private List<DraftLine> lines(EncounterReceived encounter, List<AnsweredQuery> answered, List<PendingQuestion> questions) {
        List<DraftLine> result = new ArrayList<>();
        for (DocumentedService s : encounter.getServices()) {
            Optional<Code> chosen = chosenFor(answered, null, s.getLineNumber(), Set.of(CodeSystem.CPT, CodeSystem.HCPCS));
            String code = null;
            CodeSystem system = null;
            CodeSource source = CodeSource.DOCUMENTED;
            if (chosen.isPresent()) {
                code = CodeFormat.normalize(chosen.get().getValue());
                system = chosen.get().getSystem();
                source = CodeSource.CODER_ANSWER;
            } else if (s.getCode() != null && !s.getCode().getValue().isBlank()) {
                code = CodeFormat.normalize(s.getCode().getValue());
                system = s.getCode().getSystem();
            } else if (s.getText() != null && !s.getText().isBlank()) {
                List<Suggestion> suggestions = suggester.get().suggest(CodeSystem.HCPCS, s.getText(), settings.maxOptions());
                if (!suggestions.isEmpty() && suggestions.get(0).confidence() >= settings.autoCodeThreshold()) {
                    code = suggestions.get(0).code();
                    system = CodeSystem.HCPCS;
                    source = CodeSource.COMPUTER_ASSISTED;
                } else {
                    questions.add(new PendingQuestion(QueryReason.LOW_CONFIDENCE_TEXT,
                            "Service line " + s.getLineNumber() + " is documented as \"" + s.getText()
                                    + "\": which procedure code was performed?",
                            suggestions.stream().map(EncounterCoder::option).toList(), s.getLineNumber(), null));
                }
            } else {
                questions.add(new PendingQuestion(QueryReason.INVALID_CODE,
                        "Service line " + s.getLineNumber() + " has neither a code nor documentation text: what was performed?",
                        List.of(), s.getLineNumber(), null));
            }
            if (code != null) {
                result.add(new DraftLine(s.getLineNumber(), system, code, source, s.getModifiers(), s.getUnits(),
                        s.getServiceDate(), s.getDiagnosisSequences()));
            }
        }
        return result;
    }

    /** Diagnoses an answer adds without replacing one (missing diagnosis, medical necessity, edits on a line). */
    private static void addAnsweredDiagnoses(List<AnsweredQuery> answered, List<DraftDiagnosis> diagnoses, List<DraftLine> lines) {
        for (AnsweredQuery a : answered) {
            if (a.query().getDiagnosisSequence() != null) {
                continue;
            }
            for (Code c : a.answer().getChosenCodes()) {
                if (c.getSystem() != CodeSystem.ICD10CM) {
                    continue;
                }
                String code = CodeFormat.normalize(c.getValue());
                if (diagnoses.stream().anyMatch(d -> code.equals(d.code()))) {
                    continue;
                }
                int sequence = diagnoses.stream().mapToInt(DraftDiagnosis::sequence).max().orElse(0) + 1;
                diagnoses.add(new DraftDiagnosis(sequence, CodeSystem.ICD10CM, code, CodeSource.CODER_ANSWER, null, null, null));
                Integer line = a.query().getLineNumber();
                if (line != null) {
                    lines.replaceAll(l -> l.lineNumber() != line ? l : new DraftLine(l.lineNumber(), l.system(), l.code(),
                            l.source(), l.modifiers(), l.units(), l.serviceDate(), prepend(sequence, l.diagnosisSequences())));
                }
            }
        }
    }

    private static List<Integer> prepend(int sequence, List<Integer> sequences) {
        List<Integer> result = new ArrayList<>();
        result.add(sequence);
        result.addAll(sequences);
        return result;
    }

    private List<CodingDraft.DraftProcedure> procedures(EncounterReceived encounter) {
        List<CodingDraft.DraftProcedure> result = new ArrayList<>();
        for (DocumentedProcedure p : encounter.getProcedures()) {
            if (p.getCode() != null && !p.getCode().getValue().isBlank()) {
                result.add(new CodingDraft.DraftProcedure(p.getSequence(), CodeFormat.normalize(p.getCode().getValue()), p.getDate()));
            } else if (p.getText() != null) {
                suggester.get().suggest(CodeSystem.ICD10PCS, p.getText(), 1).stream()
                        .filter(s -> s.confidence() >= settings.autoCodeThreshold())
                        .findFirst()
                        .ifPresent(s -> result.add(new CodingDraft.DraftProcedure(p.getSequence(), s.code(), p.getDate())));
            }
        }
        return result;
    }

    /**
     * An unspecified code where the documentation text names something more specific in the same
     * category: worth asking rather than billing the unspecified code.
     */
    private List<EditFinding> specificity(EncounterReceived encounter, CodingDraft draft) {
        List<EditFinding> findings = new ArrayList<>();
        for (DraftDiagnosis d : draft.diagnoses()) {
            if (d.source() != CodeSource.DOCUMENTED || d.system() != CodeSystem.ICD10CM || d.text() == null || d.text().isBlank()) {
                continue;
            }
            Optional<CodeEntry> entry = codeSets.codeSet(CodeSystem.ICD10CM).lookup(d.code(), draft.serviceDate());
            if (entry.isEmpty() || !isUnspecified(entry.get())) {
                continue;
            }
            String category = d.code().substring(0, 3);
            suggester.get().suggest(CodeSystem.ICD10CM, d.text(), settings.maxOptions()).stream()
                    .filter(s -> s.code().startsWith(category) && !s.code().equals(d.code())
                            && !s.description().toLowerCase(Locale.ROOT).contains("unspecified")
                            && s.confidence() >= settings.autoCodeThreshold())
                    .findFirst()
                    .ifPresent(s -> findings.add(EditFinding.error("UNSPECIFIED_CODE", QueryReason.UNSPECIFIED_CODE,
                            "diagnoses[seq=" + d.sequence() + "].code",
                            CodeFormat.display(CodeSystem.ICD10CM, d.code()) + " is unspecified but the documentation suggests "
                                    + CodeFormat.display(CodeSystem.ICD10CM, s.code()) + " (" + s.description() + ")",
                            List.of(d.code(), s.code()), null,
                            List.of(code(CodeSystem.ICD10CM, s.code(), s.description()),
                                    code(CodeSystem.ICD10CM, d.code(), entry.get().description())))));
        }
        return findings;
    }

    private static boolean isUnspecified(CodeEntry entry) {
        String description = entry.description();
        return description != null && description.toLowerCase(Locale.ROOT).contains("unspecified");
    }

    /** Findings the coder already accepted (answer without codes) become warnings. */
    private static List<EditFinding> accepting(List<AnsweredQuery> answered, List<EditFinding> findings) {
        Set<String> accepted = new HashSet<>();
        for (AnsweredQuery a : answered) {
            if (a.acceptsAsDocumented()) {
                a.query().getFindings().stream()
                        .filter(f -> f.getSeverity() == Severity.ERROR)
                        .forEach(f -> accepted.add(f.getRule() + "@" + f.getField()));
            }
        }
        if (accepted.isEmpty()) {
            return findings;
        }
        return findings.stream().map(f -> f.blocking() && accepted.contains(f.rule() + "@" + f.finding().getField())
                ? new EditFinding(Finding.newBuilder(f.finding()).setSeverity(Severity.WARNING)
                        .setMessage(f.finding().getMessage() + " (accepted by the coder)").build(), f.reason(), f.options())
                : f).toList();
    }

    private static Optional<Code> chosenFor(List<AnsweredQuery> answered, Integer diagnosisSequence, Integer lineNumber,
                                            Set<CodeSystem> systems) {
        for (int i = answered.size() - 1; i >= 0; i--) {
            AnsweredQuery a = answered.get(i);
            boolean target = diagnosisSequence != null
                    ? diagnosisSequence.equals(a.query().getDiagnosisSequence())
                    : lineNumber.equals(a.query().getLineNumber());
            if (target) {
                Optional<Code> code = a.answer().getChosenCodes().stream().filter(c -> systems.contains(c.getSystem())).findFirst();
                if (code.isPresent()) {
                    return code;
                }
            }
        }
        return Optional.empty();
    }

    private CodingQuery query(EncounterReceived encounter, List<AnsweredQuery> answered, PendingQuestion q,
                              List<EditFinding> findings) {
        String providerNpi = encounter.getRenderingProvider() != null ? encounter.getRenderingProvider().getNpi()
                : encounter.getBillingProvider().getNpi();
        return CodingQuery.newBuilder()
                .setHeader(EventHeaders.following(encounter.getHeader(), PRODUCER, null))
                .setQueryId(queryId(encounter, answered.size() + 1))
                .setEncounterId(encounter.getEncounterId())
                .setEncounterVersion(encounter.getEncounterVersion())
                .setStatus(QueryStatus.OPEN)
                .setReason(q.reason())
                .setQuestion(q.question())
                .setOptions(q.options().size() > settings.maxOptions() ? q.options().subList(0, settings.maxOptions()) : q.options())
                .setFindings(findings.stream().map(EditFinding::finding).toList())
                .setProviderNpi(providerNpi)
                .setLineNumber(q.lineNumber())
                .setDiagnosisSequence(q.diagnosisSequence())
                .setRaisedAt(now())
                .build();
    }

    /** Query ids are derived, not random, so a replayed input raises the same query. */
    static String queryId(EncounterReceived encounter, int ordinal) {
        return encounter.getEncounterId() + "-v" + encounter.getEncounterVersion() + "-q" + ordinal;
    }

    private CodedEncounter coded(EncounterReceived encounter, List<AnsweredQuery> answered, CodingDraft draft,
                                 List<EditFinding> findings) {
        List<CodedDiagnosis> diagnoses = draft.diagnoses().stream()
                .sorted(Comparator.comparingInt(DraftDiagnosis::sequence))
                .map(d -> CodedDiagnosis.newBuilder()
                        .setSequence(d.sequence())
                        .setCode(code(d.system(), d.code(), description(d.system(), d.code(), draft)))
                        .setPresentOnAdmission(d.presentOnAdmission())
                        .setSource(d.source())
                        .setConfidence(d.confidence())
                        .build())
                .toList();
        Map<Integer, DocumentedService> documented = new HashMap<>();
        encounter.getServices().forEach(s -> documented.put(s.getLineNumber(), s));
        List<CodedServiceLine> lines = draft.lines().stream()
                .map(l -> {
                    DocumentedService s = documented.get(l.lineNumber());
                    return CodedServiceLine.newBuilder()
                            .setLineNumber(l.lineNumber())
                            .setCode(code(l.system(), l.code(), description(l.system(), l.code(), draft)))
                            .setModifiers(l.modifiers())
                            .setUnits(l.units())
                            .setChargeAmount(s.getChargeAmount())
                            .setServiceDate(l.serviceDate())
                            .setDiagnosisPointers(DiagnosisPointers.forLine(draft, l))
                            .setRevenueCode(s.getRevenueCode())
                            .setNdc(s.getNdc())
                            .setSource(l.source())
                            .build();
                })
                .toList();
        List<CodedProcedure> procedures = draft.procedures().stream()
                .map(p -> CodedProcedure.newBuilder().setSequence(p.sequence())
                        .setCode(code(CodeSystem.ICD10PCS, p.code(), description(CodeSystem.ICD10PCS, p.code(), draft)))
                        .setDate(p.date()).build())
                .toList();
        boolean autoCoded = draft.diagnoses().stream().anyMatch(d -> d.source() == CodeSource.COMPUTER_ASSISTED)
                || draft.lines().stream().anyMatch(l -> l.source() == CodeSource.COMPUTER_ASSISTED);
        return CodedEncounter.newBuilder()
                .setHeader(EventHeaders.following(encounter.getHeader(), PRODUCER, null))
                .setEncounterId(encounter.getEncounterId())
                .setEncounterVersion(encounter.getEncounterVersion())
                .setEncounter(encounter)
                .setDiagnoses(diagnoses)
                .setServiceLines(lines)
                .setProcedures(procedures)
                .setEdits(findings.stream().map(EditFinding::finding).toList())
                .setAutoCoded(autoCoded)
                .setQueryIds(answered.stream().map(a -> a.query().getQueryId()).toList())
                .setCodeSetVersion(codeSets.versionOn(encounter.getServiceDateFrom()))
                .setCodedAt(now())
                .build();
    }

    /** Public-domain descriptions (ICD-10, HCPCS) travel with the code; CPT descriptors never do. */
    private String description(CodeSystem system, String code, CodingDraft draft) {
        if (system == CodeSystem.CPT) {
            return null;
        }
        return codeSets.codeSet(system).lookup(code, draft.serviceDate()).map(CodeEntry::description).orElse(null);
    }

    private static CareSetting setting(EncounterReceived encounter) {
        boolean hospital = encounter.getFacility().getKind() == FacilityKind.HOSPITAL;
        EncounterClass c = encounter.getEncounterClass();
        boolean outpatientHospital = hospital && (c == EncounterClass.OUTPATIENT || c == EncounterClass.EMERGENCY
                || c == EncounterClass.OBSERVATION);
        return outpatientHospital ? CareSetting.OUTPATIENT_HOSPITAL : CareSetting.PRACTITIONER;
    }

    private static Integer diagnosisSequence(Finding finding) {
        if (finding.getField() == null) {
            return null;
        }
        Matcher m = DIAGNOSIS_FIELD.matcher(finding.getField());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static QueryOption option(Suggestion s) {
        return QueryOption.newBuilder().setCode(code(s.system(), s.code(), s.description()))
                .setDescription(s.description()).setConfidence(s.confidence()).build();
    }

    private static QueryOption option(Code c, Double confidence) {
        return QueryOption.newBuilder().setCode(c).setDescription(c.getDisplay()).setConfidence(confidence).build();
    }

    private static Code code(CodeSystem system, String value, String display) {
        return Code.newBuilder().setSystem(system).setValue(value).setDisplay(display).build();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
