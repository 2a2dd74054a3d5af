package io.revcycle.coding.codesets;

import io.revcycle.events.CodeSystem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells whether a code is valid for a date of service and, when it is not, why and what would fix it.
 * Structure rules follow the ICD-10-CM conventions: only leaf codes are billable, categories that take a
 * 7th character need one, and codes shorter than six characters take placeholder X before the 7th.
 */
public final class CodeChecker {

    private static final int MAX_SUGGESTIONS = 8;
    private static final int SEVENTH = 7;

    private final CodeSets codeSets;

    public CodeChecker(CodeSets codeSets) {
        this.codeSets = codeSets;
    }

    public CodeCheck check(CodeSystem system, String rawCode, LocalDate dateOfService) {
        String code = CodeFormat.normalize(rawCode);
        CodeSet set = codeSets.codeSet(system);
        Optional<CodeEntry> inForce = set.lookup(code, dateOfService);
        // the common case first: a billable code in force is well formed, since loaders read codes only
        if (inForce.isPresent() && inForce.get().billable()) {
            return new CodeCheck(CodeCheck.Status.VALID, code, inForce.get(), List.of());
        }
        if (!CodeFormat.isWellFormed(system, code)) {
            return new CodeCheck(CodeCheck.Status.MALFORMED, code, null, List.of());
        }
        if (inForce.isPresent()) {
            return header(set, inForce.get(), dateOfService);
        }
        if (set.anyRelease(code).isPresent()) {
            return new CodeCheck(CodeCheck.Status.NOT_EFFECTIVE, code, null, List.of());
        }
        if (system == CodeSystem.ICD10CM) {
            CodeCheck structural = seventhCharacterProblem(set, code, dateOfService);
            if (structural != null) {
                return structural;
            }
        }
        return new CodeCheck(CodeCheck.Status.UNKNOWN, code, null, nearest(set, code, dateOfService));
    }

    private static CodeCheck header(CodeSet set, CodeEntry header, LocalDate date) {
        String code = header.code();
        List<CodeEntry> billable = set.descendants(code, date).stream().filter(CodeEntry::billable).toList();
        if (code.length() < SEVENTH) {
            List<CodeEntry> withSeventh = billable.stream()
                    .filter(e -> e.code().length() == SEVENTH && onlyPlaceholders(e.code().substring(code.length(), SEVENTH - 1)))
                    .toList();
            if (!withSeventh.isEmpty()) {
                return new CodeCheck(CodeCheck.Status.MISSING_SEVENTH_CHARACTER, code, null, limit(withSeventh));
            }
        }
        return new CodeCheck(CodeCheck.Status.HEADER, code, null, limit(billable));
    }

    private static CodeCheck seventhCharacterProblem(CodeSet set, String code, LocalDate date) {
        if (code.length() == SEVENTH) {
            String base = code.substring(0, SEVENTH - 1);
            List<CodeEntry> allowed = set.descendants(base, date).stream()
                    .filter(e -> e.billable() && e.code().length() == SEVENTH).toList();
            if (!allowed.isEmpty()) {
                return new CodeCheck(CodeCheck.Status.INVALID_SEVENTH_CHARACTER, code, null, limit(allowed));
            }
        }
        if (code.length() >= 4 && code.length() < SEVENTH) {
            String stem = code.substring(0, code.length() - 1);
            String candidate = stem + "X".repeat(SEVENTH - 1 - stem.length()) + code.charAt(code.length() - 1);
            Optional<CodeEntry> fixed = set.lookup(candidate, date).filter(CodeEntry::billable);
            if (fixed.isPresent()) {
                return new CodeCheck(CodeCheck.Status.MISSING_PLACEHOLDER_X, code, null, List.of(fixed.get()));
            }
        }
        return null;
    }

    /** Billable codes under the longest known prefix of an unknown code: what the coder probably meant. */
    private static List<CodeEntry> nearest(CodeSet set, String code, LocalDate date) {
        for (int len = code.length() - 1; len >= 3; len--) {
            Optional<CodeEntry> ancestor = set.lookup(code.substring(0, len), date);
            if (ancestor.isPresent()) {
                List<CodeEntry> near = new ArrayList<>();
                if (ancestor.get().billable()) {
                    near.add(ancestor.get());
                }
                set.descendants(ancestor.get().code(), date).stream().filter(CodeEntry::billable).forEach(near::add);
                return limit(near);
            }
        }
        return List.of();
    }

    private static boolean onlyPlaceholders(String s) {
        return s.chars().allMatch(c -> c == 'X');
    }

    private static List<CodeEntry> limit(List<CodeEntry> entries) {
        return entries.size() > MAX_SUGGESTIONS ? entries.subList(0, MAX_SUGGESTIONS) : entries;
    }
}
