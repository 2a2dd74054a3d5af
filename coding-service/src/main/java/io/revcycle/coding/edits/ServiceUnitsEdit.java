package io.revcycle.coding.edits;

import io.revcycle.events.QueryReason;

import java.util.ArrayList;
import java.util.List;

/** A service line bills at least one unit. */
public final class ServiceUnitsEdit implements CodingEdit {

    @Override
    public String name() {
        return "units";
    }

    @Override
    public List<EditFinding> check(CodingDraft draft) {
        List<EditFinding> findings = new ArrayList<>();
        for (DraftLine l : draft.lines()) {
            if (l.units() < 1) {
                findings.add(EditFinding.error("UNITS_INVALID", QueryReason.OTHER, "services[line=" + l.lineNumber() + "].units",
                        "a service line needs at least one unit, not " + l.units(),
                        l.code() == null ? List.of() : List.of(l.code()), l.lineNumber(), List.of()));
            }
        }
        return findings;
    }
}
