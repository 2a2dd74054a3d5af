package io.revcycle.claims.submission;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.revcycle.claims.x12.X12Settings;

/** The trading partner agreement with the clearinghouse ({@code claims.x12.*}). */
@ConfigurationProperties("claims.x12")
public record TradingPartnerConfiguration(
        @Bindable(defaultValue = "REVCYCLE") String submitterId,
        @Bindable(defaultValue = "REVCYCLE BILLING") String submitterName,
        @Bindable(defaultValue = "EDI DESK") String contactName,
        @Bindable(defaultValue = "5555550100") String contactPhone,
        @Bindable(defaultValue = "CLEARINGHOUSE") String receiverId,
        @Bindable(defaultValue = "CLEARINGHOUSE") String receiverName,
        @Bindable(defaultValue = "T") String usageIndicator) {

    /** As the writer takes them. */
    public X12Settings settings() {
        return new X12Settings(submitterId, submitterName, contactName, contactPhone, receiverId, receiverName,
                usageIndicator);
    }
}
