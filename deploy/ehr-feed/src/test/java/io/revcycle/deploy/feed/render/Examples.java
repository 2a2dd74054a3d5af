package io.revcycle.deploy.feed.render;

import io.revcycle.deploy.feed.generate.Expectation;
import io.revcycle.deploy.feed.generate.Payer;
import io.revcycle.deploy.feed.generate.Specialty;
import io.revcycle.deploy.feed.generate.SyntheticEncounter;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Address;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Coverage;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Diagnosis;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.EncounterClass;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Facility;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.FacilityKind;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Patient;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Provider;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Relationship;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.ServiceCodeSystem;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.ServiceLine;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Sex;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Subscriber;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Hand-built encounters whose renderings are kept as fixtures. */
final class Examples {

    private Examples() {
    }

    /** An ED visit for a right wrist fracture with a splint, covered through the spouse's PPO plan. */
    static SyntheticEncounter emergencyWristSplintSpouseCoverage() {
        LocalDate day = LocalDate.of(2026, 11, 3);
        Address hospital = new Address("1200 Northfield Pkwy", null, "Northfield", "OH", "44067");
        Provider billing = new Provider("1987654328", "Northfield Community Hospital", null, null, null, "314417290", hospital);
        Provider doctor = new Provider("1234567893", null, "Lindgren", "Ingrid", "207P00000X", null, null);
        Facility ed = new Facility("NCH-ED", "Northfield Community Hospital Emergency", "1987654328", FacilityKind.HOSPITAL, hospital);
        Patient patient = new Patient("MRN-4410923", "Tobias", "Emeka", "Haverkamp", LocalDate.of(1988, 5, 14), Sex.MALE,
                new Address("57 Quarry Stone Dr", "Apt 3B", "Lakeport", "OH", "44107"), "216-555-0143");
        Coverage spouse = new Coverage(Payer.COMMERCIAL_PPO, "Choice PPO", "PPO482910375", "GRP-20417", Relationship.SPOUSE,
                new Subscriber("Marisol", "Haverkamp", LocalDate.of(1989, 2, 2), Sex.FEMALE), LocalDate.of(2026, 1, 1));
        return new SyntheticEncounter("SYN-1-000042", Specialty.EMERGENCY, Expectation.ACCEPTED, null, patient, false,
                List.of(spouse), billing, doctor, doctor, ed, "23", EncounterClass.EMERGENCY, day, day, null, null, null, null,
                List.of(new Diagnosis(1, "S52.521A", "Torus fracture of lower end of right radius, initial encounter for closed fracture", null)),
                List.of(new ServiceLine(1, "99283", ServiceCodeSystem.CPT, List.of(), 1, new BigDecimal("413.25"), day, "0450", List.of(1), "1234567893"),
                        new ServiceLine(2, "29125", ServiceCodeSystem.CPT, List.of("RT"), 1, new BigDecimal("239.25"), day, "0700", List.of(1), "1234567893")),
                List.of());
    }
}
