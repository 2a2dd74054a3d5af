package io.revcycle.coding.edits;

import java.util.List;

/** One coding edit: looks at a draft and names what is wrong with it. Never throws on bad input. */
public interface CodingEdit {

    /** Stable name of the edit, used in metrics. */
    String name();

    /** The findings on the draft; empty when the edit passes. */
    List<EditFinding> check(CodingDraft draft);
}
