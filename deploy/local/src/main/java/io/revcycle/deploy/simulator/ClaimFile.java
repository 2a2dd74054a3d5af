package io.revcycle.deploy.simulator;

import java.util.List;

/**
 * An 837 interchange as the clearinghouse sees it: its envelope and each transaction set with the
 * faults found in it and, when it could be read, its claim.
 *
 * @param senderId                 ISA06, empty when the ISA is unreadable
 * @param receiverId               ISA08
 * @param interchangeControlNumber ISA13
 * @param groupControlNumber       GS06, empty when there is no readable GS
 * @param guide                    GS08 implementation guide
 * @param submitterId              NM109 of loop 1000A
 * @param submitterName            NM103 of loop 1000A
 * @param fault                    why the interchange could not be read to its end, or null
 */
record ClaimFile(String senderId, String receiverId, String interchangeControlNumber, String groupControlNumber,
                 String guide, String submitterId, String submitterName, List<Transaction> transactions,
                 String fault) {

    ClaimFile {
        transactions = List.copyOf(transactions);
    }

    /**
     * One transaction set.
     *
     * @param controlNumber    ST02
     * @param guide            ST03
     * @param transactionError IK5 syntax error code for the set as a whole (2 missing trailer, 3 control
     *                         number mismatch, 4 segment count mismatch, 5 segments in error), or null
     * @param claim            the claim, null when the set is rejected
     */
    record Transaction(String controlNumber, String guide, List<SyntaxError> errors, String transactionError,
                       SubmittedClaim claim) {

        Transaction {
            errors = List.copyOf(errors);
        }

        boolean accepted() {
            return transactionError == null && errors.isEmpty() && claim != null;
        }
    }
}
