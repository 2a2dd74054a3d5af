package io.revcycle.deploy.simulator;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The payer profiles and which one adjudicates a claim: by payer id (NM109 of loop 2010BB) when it
 * is mapped, else by the claim filing indicator (SBR09: MA/MB Medicare, MC Medicaid), else the
 * commercial PPO. Fee schedule amounts are illustrative, not any payer's published rates.
 */
final class PayerProfiles {

    static final String MEDICARE = "MEDICARE";
    static final String COMMERCIAL_PPO = "COMMERCIAL_PPO";
    static final String MEDICAID = "MEDICAID";

    private static final Set<String> OFFICE_VISITS = Set.of("99202", "99203", "99204", "99205", "99211", "99212",
            "99213", "99214", "99215");
    /** Medicare beneficiary identifier: 11 characters, digits and letters in fixed places. */
    private static final Pattern MBI = Pattern.compile("[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d[AC-HJKMNP-RT-Y]"
            + "[AC-HJKMNP-RT-Y0-9]\\d[AC-HJKMNP-RT-Y]{2}\\d{2}");

    private final Map<String, PayerProfile> profiles;
    private final Map<String, String> payerIds;

    PayerProfiles(Map<String, PayerProfile> profiles, Map<String, String> payerIds) {
        this.profiles = Map.copyOf(profiles);
        this.payerIds = Map.copyOf(payerIds);
    }

    /** Medicare-like, commercial PPO and Medicaid with their default rates. */
    static PayerProfiles defaults() {
        Map<String, PayerProfile> profiles = new LinkedHashMap<>();
        profiles.put(MEDICARE, new PayerProfile(MEDICARE, "MEDICARE", "MCR", "990000001",
                fees("99202", "72.13", "99203", "110.35", "99204", "166.72", "99205", "219.30", "99211", "23.38",
                        "99212", "56.58", "99213", "92.47", "99214", "130.53", "99215", "184.04", "36415", "3.00",
                        "80053", "10.56", "85025", "7.77", "93000", "16.94", "71046", "34.87", "99284", "165.40",
                        "99285", "241.66", "G0439", "133.07"),
                new BigDecimal("0.45"), Money.of("257.00"), new BigDecimal("0.20"), Money.ZERO, Set.of(),
                rates(0.01, 0.005, 0.02, 0.01, 0.005, 0.002, 0.02), 0.02, MBI, 365, 0.01, 0.02));
        profiles.put(COMMERCIAL_PPO, new PayerProfile(COMMERCIAL_PPO, "COMMERCIAL PPO", "PPO", "990000002",
                fees("99202", "101.00", "99203", "154.50", "99204", "233.40", "99205", "307.00", "99211", "32.70",
                        "99212", "79.20", "99213", "129.45", "99214", "182.75", "99215", "257.65", "36415", "4.50",
                        "80053", "14.80", "85025", "10.90", "93000", "23.70", "71046", "48.80", "99284", "231.55",
                        "99285", "338.30", "G0439", "186.30"),
                new BigDecimal("0.70"), Money.of("500.00"), new BigDecimal("0.20"), Money.of("25.00"), OFFICE_VISITS,
                rates(0.02, 0.03, 0.02, 0.015, 0.01, 0.005, 0.02), 0.03, Pattern.compile("[A-Z0-9]{6,20}"), 180,
                0.01, 0.01));
        profiles.put(MEDICAID, new PayerProfile(MEDICAID, "MEDICAID", "MCD", "990000003",
                fees("99202", "50.49", "99203", "77.25", "99204", "116.70", "99205", "153.51", "99211", "16.37",
                        "99212", "39.61", "99213", "64.73", "99214", "91.37", "99215", "128.83", "36415", "2.10",
                        "80053", "7.39", "85025", "5.44", "93000", "11.86", "71046", "24.41", "99284", "115.78",
                        "99285", "169.16", "G0439", "93.15"),
                new BigDecimal("0.35"), Money.ZERO, BigDecimal.ZERO, Money.of("4.00"), OFFICE_VISITS,
                rates(0.04, 0.02, 0.02, 0.01, 0.005, 0.005, 0.03), 0.04, Pattern.compile("[A-Z0-9]{8,14}"), 365,
                0.005, 0.005));
        return new PayerProfiles(profiles, Map.of("MEDICARE", MEDICARE, "MEDICAID", MEDICAID));
    }

    /**
     * The defaults changed by a properties file:
     * <pre>
     * payer.ACME=COMMERCIAL_PPO              claims to payer id ACME use that profile
     * profile.MEDICARE.fee.99213=92.47       allowed amount of one unit
     * profile.MEDICARE.percent-of-charge=0.45
     * profile.MEDICARE.deductible=257.00
     * profile.MEDICARE.coinsurance=0.20
     * profile.MEDICARE.copay=0.00
     * profile.MEDICARE.denial.AUTHORIZATION=0.02   any DenialReason name
     * profile.MEDICARE.rejection-rate=0.02
     * profile.MEDICARE.timely-filing-days=365
     * profile.MEDICARE.reversal-rate=0.01
     * profile.MEDICARE.interest-rate=0.02
     * </pre>
     */
    static PayerProfiles load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        PayerProfiles defaults = defaults();
        Map<String, PayerProfile> profiles = new LinkedHashMap<>(defaults.profiles);
        Map<String, String> payerIds = new HashMap<>(defaults.payerIds);
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).strip();
            String[] parts = key.split("\\.", 3);
            try {
                if (parts[0].equals("payer") && parts.length == 2) {
                    if (!profiles.containsKey(value)) {
                        throw new IllegalArgumentException("unknown profile " + value);
                    }
                    payerIds.put(parts[1], value);
                } else if (parts[0].equals("profile") && parts.length == 3 && profiles.containsKey(parts[1])) {
                    profiles.put(parts[1], set(profiles.get(parts[1]), parts[2], value));
                } else {
                    throw new IllegalArgumentException("unknown setting");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file.getFileName() + ": " + key + "=" + value + ": " + e.getMessage(), e);
            }
        }
        return new PayerProfiles(profiles, payerIds);
    }

    /** The profile that adjudicates claims to {@code payerId} filed with {@code filingIndicator}. */
    PayerProfile forClaim(String payerId, String filingIndicator) {
        String mapped = payerIds.get(payerId);
        if (mapped != null) {
            return profiles.get(mapped);
        }
        return switch (filingIndicator == null ? "" : filingIndicator) {
            case "MA", "MB" -> profiles.get(MEDICARE);
            case "MC" -> profiles.get(MEDICAID);
            default -> profiles.get(COMMERCIAL_PPO);
        };
    }

    PayerProfile profile(String name) {
        return profiles.get(name);
    }

    /** Every profile with its random rates multiplied by {@code factor} (0 turns denials and rejections off). */
    PayerProfiles withRatesScaled(double factor) {
        Map<String, PayerProfile> scaled = new LinkedHashMap<>();
        profiles.forEach((name, profile) -> scaled.put(name, profile.withRatesScaled(factor)));
        return new PayerProfiles(scaled, payerIds);
    }

    /** A copy with one profile replaced. */
    PayerProfiles with(PayerProfile profile) {
        Map<String, PayerProfile> changed = new LinkedHashMap<>(profiles);
        changed.put(profile.name(), profile);
        return new PayerProfiles(changed, payerIds);
    }

    private static PayerProfile set(PayerProfile p, String setting, String value) {
        if (setting.startsWith("fee.")) {
            Map<String, BigDecimal> fees = new HashMap<>(p.feeSchedule());
            fees.put(setting.substring(4), Money.of(value));
            return new PayerProfile(p.name(), p.payerName(), p.claimNumberPrefix(), p.payerTaxId(), fees, p.percentOfCharge(),
                    p.annualDeductible(), p.coinsurance(), p.copay(), p.copayCodes(), p.denialRates(), p.rejectionRate(),
                    p.memberIdPattern(), p.timelyFilingDays(), p.reversalRate(), p.interestRate());
        }
        if (setting.startsWith("denial.")) {
            return p.withDenialRate(DenialReason.valueOf(setting.substring(7)), rate(value));
        }
        return switch (setting) {
            case "percent-of-charge" -> new PayerProfile(p.name(), p.payerName(), p.claimNumberPrefix(), p.payerTaxId(),
                    p.feeSchedule(), new BigDecimal(value), p.annualDeductible(), p.coinsurance(), p.copay(), p.copayCodes(),
                    p.denialRates(), p.rejectionRate(), p.memberIdPattern(), p.timelyFilingDays(), p.reversalRate(), p.interestRate());
            case "deductible" -> new PayerProfile(p.name(), p.payerName(), p.claimNumberPrefix(), p.payerTaxId(),
                    p.feeSchedule(), p.percentOfCharge(), Money.of(value), p.coinsurance(), p.copay(), p.copayCodes(),
                    p.denialRates(), p.rejectionRate(), p.memberIdPattern(), p.timelyFilingDays(), p.reversalRate(), p.interestRate());
            case "coinsurance" -> new PayerProfile(p.name(), p.payerName(), p.claimNumberPrefix(), p.payerTaxId(),
                    p.feeSchedule(), p.percentOfCharge(), p.annualDeductible(), new BigDecimal(value), p.copay(), p.copayCodes(),
                    p.denialRates(), p.rejectionRate(), p.memberIdPattern(), p.timelyFilingDays(), p.reversalRate(), p.interestRate());
            case "copay" -> new PayerProfile(p.name(), p.payerName(), p.claimNumberPrefix(), p.payerTaxId(),
                    p.feeSchedule(), p.percentOfCharge(), p.annualDeductible(), p.coinsurance(), Money.of(value), p.copayCodes(),
                    p.denialRates(), p.rejectionRate(), p.memberIdPattern(), p.timelyFilingDays(), p.reversalRate(), p.interestRate());
            case "rejection-rate" -> new PayerProfile(p.name(), p.payerName(), p.claimNumberPrefix(), p.payerTaxId(),
                    p.feeSchedule(), p.percentOfCharge(), p.annualDeductible(), p.coinsurance(), p.copay(), p.copayCodes(),
                    p.denialRates(), rate(value), p.memberIdPattern(), p.timelyFilingDays(), p.reversalRate(), p.interestRate());
            case "timely-filing-days" -> new PayerProfile(p.name(), p.payerName(), p.claimNumberPrefix(), p.payerTaxId(),
                    p.feeSchedule(), p.percentOfCharge(), p.annualDeductible(), p.coinsurance(), p.copay(), p.copayCodes(),
                    p.denialRates(), p.rejectionRate(), p.memberIdPattern(), Integer.parseInt(value), p.reversalRate(), p.interestRate());
            case "reversal-rate" -> new PayerProfile(p.name(), p.payerName(), p.claimNumberPrefix(), p.payerTaxId(),
                    p.feeSchedule(), p.percentOfCharge(), p.annualDeductible(), p.coinsurance(), p.copay(), p.copayCodes(),
                    p.denialRates(), p.rejectionRate(), p.memberIdPattern(), p.timelyFilingDays(), rate(value), p.interestRate());
            case "interest-rate" -> new PayerProfile(p.name(), p.payerName(), p.claimNumberPrefix(), p.payerTaxId(),
                    p.feeSchedule(), p.percentOfCharge(), p.annualDeductible(), p.coinsurance(), p.copay(), p.copayCodes(),
                    p.denialRates(), p.rejectionRate(), p.memberIdPattern(), p.timelyFilingDays(), p.reversalRate(), rate(value));
            default -> throw new IllegalArgumentException("unknown profile setting " + setting);
        };
    }

    private static double rate(String value) {
        double rate = Double.parseDouble(value);
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("a rate is between 0 and 1");
        }
        return rate;
    }

    private static Map<String, BigDecimal> fees(String... codeAndAmount) {
        Map<String, BigDecimal> fees = new HashMap<>();
        for (int i = 0; i < codeAndAmount.length; i += 2) {
            fees.put(codeAndAmount[i], Money.of(codeAndAmount[i + 1]));
        }
        return fees;
    }

    private static Map<DenialReason, Double> rates(double eligibility, double authorization, double medicalNecessity,
                                                   double bundling, double duplicate, double timelyFiling,
                                                   double missingInformation) {
        Map<DenialReason, Double> rates = new EnumMap<>(DenialReason.class);
        rates.put(DenialReason.ELIGIBILITY, eligibility);
        rates.put(DenialReason.AUTHORIZATION, authorization);
        rates.put(DenialReason.MEDICAL_NECESSITY, medicalNecessity);
        rates.put(DenialReason.BUNDLING, bundling);
        rates.put(DenialReason.DUPLICATE, duplicate);
        rates.put(DenialReason.TIMELY_FILING, timelyFiling);
        rates.put(DenialReason.MISSING_INFORMATION, missingInformation);
        return rates;
    }
}
