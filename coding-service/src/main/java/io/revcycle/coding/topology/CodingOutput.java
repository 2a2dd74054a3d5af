package io.revcycle.coding.topology;

import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodingQuery;

/** One record the coding processor emits: exactly one of the three is set. */
record CodingOutput(CodedEncounter coded, CodingQuery query, byte[] deadLetter) {

    static CodingOutput of(CodedEncounter coded) {
        return new CodingOutput(coded, null, null);
    }

    static CodingOutput of(CodingQuery query) {
        return new CodingOutput(null, query, null);
    }

    static CodingOutput deadLetter(byte[] raw) {
        return new CodingOutput(null, null, raw == null ? new byte[0] : raw);
    }
}
