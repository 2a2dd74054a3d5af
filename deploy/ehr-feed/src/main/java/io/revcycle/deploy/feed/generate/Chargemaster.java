package io.revcycle.deploy.feed.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The made-up price list the feed charges from: one price per code, hospital charges marked up
 * as hospital chargemasters are. Amounts are exact (two decimals).
 */
public final class Chargemaster {

    /** Hospital (institutional) prices are the clinic's times this factor, rounded half up to the cent. */
    public static final BigDecimal HOSPITAL_MARKUP = new BigDecimal("1.45");

    private static final Map<String, BigDecimal> PRICES = Map.ofEntries(
            price("99202", "110.00"), price("99203", "165.00"), price("99204", "250.00"), price("99205", "320.00"),
            price("99211", "45.00"), price("99212", "85.00"), price("99213", "130.00"), price("99214", "185.00"),
            price("99215", "260.00"),
            price("99221", "280.00"), price("99222", "360.00"), price("99223", "425.00"),
            price("99281", "95.00"), price("99282", "165.00"), price("99283", "285.00"), price("99284", "520.00"),
            price("99285", "890.00"),
            price("36415", "18.00"), price("80053", "62.00"), price("85025", "38.00"), price("83036", "42.50"),
            price("93000", "75.00"), price("71046", "289.00"), price("94640", "85.00"),
            price("25600", "540.00"), price("29125", "165.00"), price("97110", "96.00"),
            price("90686", "38.50"), price("90471", "32.00"), price("G0439", "210.00"));

    private Chargemaster() {
    }

    private static Map.Entry<String, BigDecimal> price(String code, String amount) {
        return Map.entry(code, new BigDecimal(amount));
    }

    /** The price of one unit at a clinic. */
    public static BigDecimal unitPrice(String code) {
        BigDecimal price = PRICES.get(code);
        if (price == null) {
            throw new IllegalArgumentException("no price for " + code);
        }
        return price;
    }

    /** The charge for the units, at the hospital or a clinic. */
    public static BigDecimal charge(String code, int units, boolean hospital) {
        BigDecimal unit = hospital ? unitPrice(code).multiply(HOSPITAL_MARKUP).setScale(2, RoundingMode.HALF_UP) : unitPrice(code);
        return unit.multiply(BigDecimal.valueOf(units)).setScale(2, RoundingMode.UNNECESSARY);
    }
}
