package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.CodeSets;
import io.revcycle.coding.codesets.MueLimit;
import io.revcycle.coding.codesets.MueTable;
import io.revcycle.events.QueryReason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Medically unlikely edits: units of a code above its MUE value. Indicator 1 counts each line alone;
 * indicators 2 and 3 add the units of every line of the code on the same date of service.
 */
public final class MueEdit implements CodingEdit {

    private final CodeSets codeSets;

    public MueEdit(CodeSets codeSets) {
        this.codeSets = codeSets;
    }

    @Override
    public String name() {
        return "mue";
    }

    @Override
    public List<EditFinding> check(CodingDraft draft) {
        MueTable table = codeSets.mue(draft.setting());
        List<EditFinding> findings = new ArrayList<>();
        Map<String, List<DraftLine>> byCodeAndDate = new LinkedHashMap<>();
        for (DraftLine l : draft.lines()) {
            if (l.code() == null) {
                continue;
            }
            Optional<MueLimit> limit = table.limitFor(l.code());
            if (limit.isEmpty()) {
                continue;
            }
            if (limit.get().adjudication().perDateOfService()) {
                byCodeAndDate.computeIfAbsent(l.code() + "@" + l.serviceDate(), k -> new ArrayList<>()).add(l);
            } else if (l.units() > limit.get().maxUnits()) {
                findings.add(EditFinding.error("MUE_LINE", QueryReason.EDIT_CONFLICT, "services[line=" + l.lineNumber() + "].units",
                        l.units() + " units of " + l.code() + " on one line exceed the MUE of " + limit.get().maxUnits(),
                        List.of(l.code()), l.lineNumber(), List.of()));
            }
        }
        for (List<DraftLine> sameDay : byCodeAndDate.values()) {
            DraftLine last = sameDay.get(sameDay.size() - 1);
            MueLimit limit = table.limitFor(last.code()).orElseThrow();
            int units = sameDay.stream().mapToInt(DraftLine::units).sum();
            if (units > limit.maxUnits()) {
                LocalDate day = last.serviceDate();
                findings.add(EditFinding.error("MUE_DATE_OF_SERVICE", QueryReason.EDIT_CONFLICT,
                        "services[line=" + last.lineNumber() + "].units",
                        units + " units of " + last.code() + " on " + day + " exceed the MUE of " + limit.maxUnits()
                                + " per date of service", List.of(last.code()), last.lineNumber(), List.of()));
            }
        }
        return findings;
    }
}
