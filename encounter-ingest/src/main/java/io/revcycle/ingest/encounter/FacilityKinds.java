package io.revcycle.ingest.encounter;

/**
 * The kind of facility a CMS place of service implies, for feeds that do not state it: it decides
 * downstream whether a claim is professional (837P) or institutional (837I).
 */
public final class FacilityKinds {

    private FacilityKinds() {
    }

    /** HOSPITAL, AMBULATORY_SURGERY_CENTER, SKILLED_NURSING or CLINIC; null when the code says nothing. */
    public static String fromPlaceOfService(String placeOfService) {
        if (placeOfService == null) {
            return null;
        }
        return switch (placeOfService) {
            // inpatient, on/off-campus outpatient hospital, emergency room, inpatient psychiatric, rehabilitation
            case "21", "22", "19", "23", "51", "61" -> "HOSPITAL";
            case "24" -> "AMBULATORY_SURGERY_CENTER";
            case "31", "32" -> "SKILLED_NURSING";
            case "11", "49", "50", "71", "72" -> "CLINIC";
            default -> null;
        };
    }
}
