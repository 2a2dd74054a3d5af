package io.revcycle.payments.topology;

import io.revcycle.events.Claim;
import io.revcycle.events.Denial;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.ProcessingException;
import io.revcycle.events.ProviderAdjustment;
import io.revcycle.events.RemittanceClaimPayment;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdes;
import org.apache.kafka.common.serialization.Serde;

import java.util.Map;

/**
 * The serdes of the posting topology, all registry-backed Avro.
 *
 * @param claims       rcm.claims values
 * @param remittances  rcm.remittances values
 * @param payments     rcm.payments values, and the ledger stores
 * @param denials      rcm.denials values
 * @param exceptions   rcm.remittances.exceptions values, and the work-queue store
 * @param providerAdjustments rcm.payments.provider-adjustments values
 */
public record PostingSerdes(Serde<Claim> claims, Serde<RemittanceClaimPayment> remittances,
                            Serde<PaymentPosted> payments, Serde<Denial> denials,
                            Serde<ProcessingException> exceptions, Serde<ProviderAdjustment> providerAdjustments) {

    /** Serdes configured with {@code schema.registry.url} (and any other serde setting). */
    public static PostingSerdes of(Map<String, ?> config) {
        return new PostingSerdes(AvroSerdes.of(Topics.CLAIMS, config), AvroSerdes.of(Topics.REMITTANCES, config),
                AvroSerdes.of(Topics.PAYMENTS, config), AvroSerdes.of(Topics.DENIALS, config),
                AvroSerdes.of(Topics.REMITTANCE_EXCEPTIONS, config), AvroSerdes.of(Topics.PROVIDER_ADJUSTMENTS, config));
    }
}
