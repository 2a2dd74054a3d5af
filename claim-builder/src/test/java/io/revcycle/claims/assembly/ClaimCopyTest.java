package io.revcycle.claims.assembly;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ClaimCopyTest {

    @Test
    void copyEqualsTheOriginalAndSharesItsValuesInsteadOfDeepCopyingThem() {
        Claim original = ClaimScenarios.officeVisitClaim();

        Claim copy = ClaimCopy.of(original);

        assertEquals(original, copy);
        assertSame(original.getLines(), copy.getLines());
        assertSame(original.getPatient(), copy.getPatient());
    }

    @Test
    void settingAFieldOnTheCopyLeavesTheOriginalUnchanged() {
        Claim original = ClaimScenarios.officeVisitClaim();
        ClaimState state = original.getState();
        int findings = original.getFindings().size();

        Claim copy = ClaimCopy.of(original);
        copy.setState(ClaimState.DENIED);
        copy.setFindings(List.of());
        copy.setHistory(List.of());

        assertEquals(state, original.getState());
        assertEquals(findings, original.getFindings().size());
        assertEquals(ClaimState.DENIED, copy.getState());
    }
}
