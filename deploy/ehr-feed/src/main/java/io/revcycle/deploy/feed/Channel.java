package io.revcycle.deploy.feed;

/** The ways the feed hands an encounter to ingest: a format and a transport. */
public enum Channel {
    /** {@code POST /v1/encounters}, one encounter per request. */
    JSON,
    /** {@code POST /v1/encounters/batch}, several encounters per request. */
    JSON_BATCH,
    /** {@code POST /fhir}, an R4 transaction Bundle. */
    FHIR,
    /** {@code POST /hl7v2}, a DFT^P03 message. */
    HL7_HTTP,
    /** A DFT^P03 message in an MLLP frame on a TCP connection, answered with an ACK frame. */
    HL7_MLLP
}
