package io.revcycle.claims.x12;

/**
 * Who sends and who receives the interchanges (the trading partner agreement with the
 * clearinghouse).
 *
 * @param submitterId     ETIN of the submitter, ISA06 / GS02 / NM109 of loop 1000A
 * @param submitterName   organization name of the submitter
 * @param contactName     submitter EDI contact
 * @param contactPhone    contact phone, digits only
 * @param receiverId      clearinghouse or payer id, ISA08 / GS03 / NM109 of loop 1000B
 * @param receiverName    receiver organization name
 * @param usageIndicator  ISA15: P production, T test
 */
public record X12Settings(String submitterId, String submitterName, String contactName, String contactPhone,
                          String receiverId, String receiverName, String usageIndicator) {
}
