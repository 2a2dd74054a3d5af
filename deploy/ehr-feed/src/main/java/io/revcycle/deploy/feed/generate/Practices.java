package io.revcycle.deploy.feed.generate;

import io.revcycle.deploy.feed.generate.SyntheticEncounter.Address;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Facility;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.FacilityKind;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Provider;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The made-up organizations and clinicians that send encounters: a community hospital and its
 * clinics. NPIs and tax ids are drawn from the seed, so a seed always names the same providers.
 */
final class Practices {

    /** A billing organization, the place it runs and its clinicians. */
    record Practice(Provider billing, Facility facility, List<Provider> clinicians) {

        Provider clinician(RandomGenerator random) {
            return clinicians.get(random.nextInt(clinicians.size()));
        }
    }

    enum Site {
        FAMILY_MEDICINE, CARDIOLOGY, ENDOCRINOLOGY, PULMONOLOGY, ORTHOPEDICS, WOMENS_HEALTH, HOSPITAL_ED, HOSPITAL_WARDS, NURSERY
    }

    private static final String[] GIVEN = {"Amara", "Desmond", "Ingrid", "Tobias", "Priya", "Rafael", "Signe", "Malik",
            "Henrietta", "Julian", "Noor", "Casimir", "Odette", "Bram", "Leonie", "Anselm", "Yara", "Ferris"};
    private static final String[] FAMILY = {"Vandermolen", "Achebe", "Lindgren", "Castellanos", "Okonkwo", "Marchetti",
            "Halvorsen", "Szabo", "Delacroix", "Nakashima", "Brightwater", "Kowalczyk", "Ferreira", "Abernathy",
            "Quillfeather", "Rasmussen", "Oyelaran", "Thistlewood"};

    private final Map<Site, Practice> practices = new EnumMap<>(Site.class);

    Practices(RandomGenerator random) {
        Address hospital = new Address("1200 Northfield Pkwy", null, "Northfield", "OH", "44067");
        Address clinics = new Address("4410 Maple Grove Rd", "Suite 200", "Millbrook", "OH", "43230");
        Address heart = new Address("88 Lakeside Ave", null, "Lakeport", "OH", "44107");
        Address endo = new Address("315 Riverbend Dr", "Suite 4", "Fairview Heights", "OH", "43017");
        Address pulm = new Address("27 Harborview Ct", null, "Lakeport", "OH", "44102");
        Address ortho = new Address("901 Northgate Blvd", null, "Northfield", "OH", "44067");
        Address women = new Address("62 Willow Creek Ln", null, "Millbrook", "OH", "43231");
        Provider hospitalBilling = organization(random, "Northfield Community Hospital", hospital);
        clinic(random, Site.FAMILY_MEDICINE, "Maple Grove Family Medicine", "MGFM-MILLBROOK", clinics, "207Q00000X", 3);
        clinic(random, Site.CARDIOLOGY, "Lakeside Heart and Vascular", "LHV-LAKEPORT", heart, "207RC0000X", 2);
        clinic(random, Site.ENDOCRINOLOGY, "Riverbend Diabetes and Endocrine Center", "RDEC-FAIRVIEW", endo, "207RE0101X", 2);
        clinic(random, Site.PULMONOLOGY, "Harborview Pulmonary Associates", "HPA-LAKEPORT", pulm, "207RP1001X", 2);
        clinic(random, Site.ORTHOPEDICS, "Northgate Orthopedic Clinic", "NOC-NORTHFIELD", ortho, "207X00000X", 2);
        clinic(random, Site.WOMENS_HEALTH, "Willow Creek Womens Health", "WCWH-MILLBROOK", women, "207V00000X", 2);
        hospitalUnit(random, Site.HOSPITAL_ED, hospitalBilling, "NCH-ED", "Northfield Community Hospital Emergency", "207P00000X", 3);
        hospitalUnit(random, Site.HOSPITAL_WARDS, hospitalBilling, "NCH-MAIN", "Northfield Community Hospital", "208M00000X", 2);
        hospitalUnit(random, Site.NURSERY, hospitalBilling, "NCH-MAIN", "Northfield Community Hospital", "2080N0001X", 2);
    }

    Practice at(Site site) {
        return practices.get(site);
    }

    private void clinic(RandomGenerator random, Site site, String name, String facilityId, Address address,
                        String taxonomy, int clinicians) {
        Provider billing = organization(random, name, address);
        Facility facility = new Facility(facilityId, name, billing.npi(), FacilityKind.CLINIC, address);
        practices.put(site, new Practice(billing, facility, clinicians(random, taxonomy, clinicians)));
    }

    private void hospitalUnit(RandomGenerator random, Site site, Provider billing, String facilityId, String name,
                              String taxonomy, int clinicians) {
        Facility facility = new Facility(facilityId, name, billing.npi(), FacilityKind.HOSPITAL, billing.address());
        practices.put(site, new Practice(billing, facility, clinicians(random, taxonomy, clinicians)));
    }

    private static Provider organization(RandomGenerator random, String name, Address address) {
        String ein = String.format("%02d%07d", 31 + random.nextInt(4), random.nextInt(10_000_000));
        return new Provider(Npis.generate(random), name, null, null, null, ein, address);
    }

    private static List<Provider> clinicians(RandomGenerator random, String taxonomy, int count) {
        List<Provider> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Provider(Npis.generate(random), null, FAMILY[random.nextInt(FAMILY.length)],
                    GIVEN[random.nextInt(GIVEN.length)], taxonomy, null, null));
        }
        return out;
    }
}
