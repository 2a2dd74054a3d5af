package io.revcycle.deploy.feed.generate;

/** The UB-04 revenue codes a hospital bill puts on the feed's procedure codes (99221 is only used for newborn nursery care). */
final class RevenueCodes {

    private RevenueCodes() {
    }

    static String of(String code) {
        return switch (code) {
            case "99281", "99282", "99283", "99284", "99285", "25600" -> "0450";
            case "99221" -> "0171";
            case "99222", "99223" -> "0960";
            case "36415" -> "0300";
            case "80053", "83036" -> "0301";
            case "85025" -> "0305";
            case "93000" -> "0730";
            case "71046" -> "0324";
            case "94640" -> "0412";
            case "97110" -> "0420";
            case "29125" -> "0700";
            default -> "0510";
        };
    }
}
