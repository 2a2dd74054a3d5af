package io.revcycle.payments.era;

/**
 * An NM1 of the claim loop (patient, insured, corrected patient, rendering provider...). Names are
 * deliberately not kept: nothing downstream needs them and they are PHI.
 *
 * @param entityCode  NM101 (QC patient, IL insured, 74 corrected insured, 82 rendering provider...)
 * @param idQualifier NM108
 * @param id          NM109
 */
public record ClaimParty(String entityCode, String idQualifier, String id) {
}
