package io.revcycle.coding.codesets;

import io.revcycle.events.CodeSystem;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Every code set the coding service knows: ICD-10-CM, ICD-10-PCS, CPT and HCPCS releases, and the
 * NCCI PTP and MUE tables per care setting. Tables are swapped whole when a new quarter is imported.
 */
public final class CodeSets {

    private final Map<CodeSystem, CodeSet> sets = new EnumMap<>(CodeSystem.class);
    private final Map<CareSetting, NcciPtpTable> ptp = new EnumMap<>(CareSetting.class);
    private final Map<CareSetting, MueTable> mue = new EnumMap<>(CareSetting.class);

    public CodeSets() {
        for (CodeSystem s : new CodeSystem[] {CodeSystem.ICD10CM, CodeSystem.ICD10PCS, CodeSystem.CPT, CodeSystem.HCPCS}) {
            sets.put(s, new CodeSet(s));
        }
        for (CareSetting s : CareSetting.values()) {
            ptp.put(s, NcciPtpTable.empty());
            mue.put(s, MueTable.empty());
        }
    }

    /** The code set of a system; systems we keep no set for get an empty one. */
    public CodeSet codeSet(CodeSystem system) {
        CodeSet set = sets.get(system);
        return set != null ? set : new CodeSet(system);
    }

    public synchronized NcciPtpTable ptp(CareSetting setting) {
        return ptp.get(setting);
    }

    public synchronized MueTable mue(CareSetting setting) {
        return mue.get(setting);
    }

    public synchronized void replacePtp(CareSetting setting, NcciPtpTable table) {
        ptp.put(setting, table);
    }

    public synchronized void replaceMue(CareSetting setting, MueTable table) {
        mue.put(setting, table);
    }

    /** The releases in force on the date, e.g. {@code ICD10CM:FY2026,HCPCS:2026-Q1}: recorded on each coded encounter. */
    public String versionOn(LocalDate date) {
        StringJoiner joiner = new StringJoiner(",");
        for (CodeSet set : sets.values()) {
            set.releaseOn(date).ifPresent(r -> joiner.add(r.label()));
        }
        return joiner.length() == 0 ? "none" : joiner.toString();
    }
}
