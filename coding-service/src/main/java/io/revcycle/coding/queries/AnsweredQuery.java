package io.revcycle.coding.queries;

import io.revcycle.events.CodingAnswer;
import io.revcycle.events.CodingQuery;

/** A query raised on an encounter and the answer it got. */
public record AnsweredQuery(CodingQuery query, CodingAnswer answer) {

    /** True when the answer chose no code: the coder accepts the documentation as it stands. */
    public boolean acceptsAsDocumented() {
        return answer.getChosenCodes().isEmpty();
    }
}
