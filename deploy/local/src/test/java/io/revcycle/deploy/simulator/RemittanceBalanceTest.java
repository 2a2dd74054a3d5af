package io.revcycle.deploy.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every 835 the simulator writes balances, checked by an independent reading of the segments,
 * across hundreds of claims with denials, bundled lines, reversals with corrections and interest.
 */
class RemittanceBalanceTest {

    private static final int FILES = 12;
    private static final int CLAIMS_PER_FILE = 40;

    @TempDir
    Path dir;

    @Test
    void everyRemittanceBalancesPerLineClaimAndPayment() throws Exception {
        PayerProfiles busy = PayerProfiles.defaults();
        PayerProfile medicare = busy.profile(PayerProfiles.MEDICARE);
        busy = busy.with(new PayerProfile(medicare.name(), medicare.payerName(), medicare.claimNumberPrefix(),
                medicare.payerTaxId(), medicare.feeSchedule(), medicare.percentOfCharge(), medicare.annualDeductible(),
                medicare.coinsurance(), medicare.copay(), medicare.copayCodes(), medicare.denialRates(), 0.05,
                medicare.memberIdPattern(), medicare.timelyFilingDays(), 0.10, 0.10).withRatesScaled(2));
        SimulatorFiles files = new SimulatorFiles(dir, Duration.ZERO, busy);
        String template = new String(SimulatorFiles.fixture("837p-office-visit-medicare.edi"), StandardCharsets.US_ASCII);
        for (int f = 1; f <= FILES; f++) {
            files.drop(String.format("%09d-MEDICARE-837P.x12", f), interchange(template, f).getBytes(StandardCharsets.US_ASCII));
        }

        files.simulator.pollOnce();

        List<String> eras = files.read("remittances", "-835.x12");
        assertEquals(FILES, eras.size());
        int claims = 0;
        for (String era : eras) {
            claims += RawX12.assertBalanced(era);
        }
        String all = String.join("\n", eras);
        assertTrue(claims >= FILES * CLAIMS_PER_FILE * 0.85, claims + " claim payments");
        assertTrue(RawX12.count(all, "CLP*") > 0);
        assertTrue(all.contains("*22*-"), "some payments are reversed");
        assertTrue(RawX12.lines(all).stream().anyMatch(l -> l.startsWith("CLP*") && l.split("\\*")[2].equals("4")),
                "some claims are denied");
        assertTrue(all.contains("*L6:"), "some payments carry interest");
        assertTrue(all.contains("CAS*CO*97*"), "some lines are bundled");
        List<String> traces = RawX12.lines(all).stream().filter(l -> l.startsWith("TRN*1*")).toList();
        assertEquals(traces.size(), traces.stream().distinct().count(), "every payment has its own trace number");
    }

    /** An interchange of {@link #CLAIMS_PER_FILE} office visits with their own claim and member ids. */
    private static String interchange(String template, int file) {
        String[] segments = template.split("\n");
        String icn = String.format("%09d", file);
        List<String> out = new ArrayList<>();
        out.add(segments[0].replace("000000001", icn));
        out.add(segments[1].replace("*1*X*", "*" + file + "*X*"));
        for (int c = 1; c <= CLAIMS_PER_FILE; c++) {
            String claimId = String.format("C%03d%013d", file, c);
            String st = String.format("%04d", c);
            String member = "1EG4TE5MK" + String.format("%02d", c % 100);
            for (int i = 2; i < 33; i++) {
                out.add(segments[i].replace("CP744A7X6OGSXI4LZ", claimId).replace("*0001", "*" + st)
                        .replace("1EG4TE5MK73", member));
            }
        }
        out.add("GE*" + CLAIMS_PER_FILE + "*" + file + "~");
        out.add("IEA*1*" + icn + "~");
        return String.join("\n", out) + "\n";
    }
}
