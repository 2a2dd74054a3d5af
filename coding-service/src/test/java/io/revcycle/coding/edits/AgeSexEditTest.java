package io.revcycle.coding.edits;

import io.revcycle.events.AdministrativeSex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.revcycle.coding.edits.Drafts.draft;
import static io.revcycle.coding.edits.Drafts.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgeSexEditTest {

    private final AgeSexEdit edit = new AgeSexEdit(SexSpecificCodes.standard());

    @Test
    void pregnancyCodeOnAMaleIsASexConflict() {
        var findings = edit.check(draft().sex(AdministrativeSex.MALE).dx("O09.511", "I10").build());
        assertEquals(List.of("SEX_CONFLICT"), rules(findings));
        assertEquals("diagnoses[seq=1].code", findings.get(0).finding().getField());
    }

    @Test
    void pregnancyCodeOutsideTwelveToFiftyFiveIsAnAgeConflict() {
        assertEquals(List.of("AGE_CONFLICT"), rules(edit.check(draft().born(LocalDate.of(1960, 1, 1)).dx("Z34.01").build())));
        assertEquals(List.of("AGE_CONFLICT"), rules(edit.check(draft().born(LocalDate.of(2015, 1, 1)).dx("O24.410").build())));
        assertTrue(edit.check(draft().born(LocalDate.of(1995, 1, 1)).dx("O24.410", "Z34.01").build()).isEmpty());
    }

    @Test
    void newbornCodesFitOnlyTheFirstTwentyEightDays() {
        LocalDate dos = Drafts.DOS;
        assertTrue(edit.check(draft().born(dos.minusDays(3)).dx("Z38.00", "P59.9").build()).isEmpty());
        assertEquals(List.of("AGE_CONFLICT"), rules(edit.check(draft().born(dos.minusDays(29)).dx("P59.9").build())));
    }

    @Test
    void sexSpecificCodesConflictWithTheOtherSexOnly() {
        assertEquals(List.of("SEX_CONFLICT"), rules(edit.check(draft().sex(AdministrativeSex.FEMALE).dx("N40.1").build())));
        assertEquals(List.of("SEX_CONFLICT"), rules(edit.check(draft().sex(AdministrativeSex.MALE).dx("C53.9").build())));
        assertTrue(edit.check(draft().sex(AdministrativeSex.MALE).dx("N40.1", "C61", "Z12.5").build()).isEmpty());
        assertTrue(edit.check(draft().sex(AdministrativeSex.UNKNOWN).dx("N40.1", "C53.9").build()).isEmpty(),
                "no sex edit without a recorded sex");
    }
}
