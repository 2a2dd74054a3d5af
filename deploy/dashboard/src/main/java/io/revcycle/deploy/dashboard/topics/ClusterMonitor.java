package io.revcycle.deploy.dashboard.topics;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.revcycle.events.ProcessingException;
import io.revcycle.schemas.Topic;
import io.revcycle.schemas.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Samples the cluster through the Admin API: end offsets of every catalogue topic (for message
 * rates) and the committed offsets of every consumer group and Kafka Streams application found,
 * against the end offsets of the partitions they read (for lag).
 */
@Singleton
public final class ClusterMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMonitor.class);
    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;
    private final MessageRates rates;
    private volatile TopicFigures figures = TopicFigures.notYetSampled();

    public ClusterMonitor(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                          @Value("${dashboard.rate-window:10s}") Duration rateWindow) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "revcycle-dashboard-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(TIMEOUT_SECONDS).toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(TIMEOUT_SECONDS).toMillis()));
        this.rates = new MessageRates(rateWindow);
    }

    /** The last sample. */
    public TopicFigures figures() {
        return figures;
    }

    @Scheduled(fixedDelay = "${dashboard.sample-interval:2s}")
    void sample() {
        try {
            figures = takeSample(Instant.now());
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            TopicFigures last = figures;
            String why = e instanceof ExecutionException && e.getCause() != null ? e.getCause().toString() : e.toString();
            LOG.debug("cluster sample failed: {}", why);
            figures = new TopicFigures(Instant.now(), false, why, last.topics(), last.groups());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        // Only reads are ever in flight: abandon them rather than delay shutdown.
        admin.close(Duration.ZERO);
    }

    private TopicFigures takeSample(Instant now) throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, TopicDescription> described = describeCatalogue();
        Map<String, Map<TopicPartition, Long>> committedByGroup = new HashMap<>();
        Collection<GroupListing> groups = admin.listGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, ListConsumerGroupOffsetsSpec> consumerGroups = new HashMap<>();
        Map<String, ListStreamsGroupOffsetsSpec> streamsGroups = new HashMap<>();
        for (GroupListing group : groups) {
            Optional<GroupType> type = group.type();
            if (type.isPresent() && type.get() == GroupType.STREAMS) {
                streamsGroups.put(group.groupId(), new ListStreamsGroupOffsetsSpec());
            } else if (type.isEmpty() || type.get() != GroupType.SHARE) {
                consumerGroups.put(group.groupId(), new ListConsumerGroupOffsetsSpec());
            }
        }
        if (!consumerGroups.isEmpty()) {
            committedByGroup.putAll(offsets(admin.listConsumerGroupOffsets(consumerGroups).all()));
        }
        if (!streamsGroups.isEmpty()) {
            committedByGroup.putAll(offsets(admin.listStreamsGroupOffsets(streamsGroups).all()));
        }

        Set<TopicPartition> partitions = new HashSet<>();
        described.values().forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        committedByGroup.values().forEach(c -> partitions.addAll(c.keySet()));
        Map<TopicPartition, Long> ends = endOffsets(partitions);

        List<TopicFigures.TopicRate> topicRates = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            TopicDescription description = described.get(topic.name());
            if (description == null) {
                topicRates.add(new TopicFigures.TopicRate(topic.name(), role(topic), 0, 0, null, false));
                continue;
            }
            long end = 0;
            for (var p : description.partitions()) {
                end += ends.getOrDefault(new TopicPartition(topic.name(), p.partition()), 0L);
            }
            rates.sample(topic.name(), now, end);
            topicRates.add(new TopicFigures.TopicRate(topic.name(), role(topic), description.partitions().size(), end,
                    rates.perSecond(topic.name()), true));
        }
        List<GroupLag> lags = new ArrayList<>();
        for (GroupListing group : groups) {
            Map<TopicPartition, Long> committed = committedByGroup.get(group.groupId());
            if (committed != null) {
                lags.add(GroupLag.of(group.groupId(), group.type().map(Enum::name).orElse("UNKNOWN"),
                        group.groupState().map(Enum::name).orElse("UNKNOWN"), committed, ends));
            }
        }
        lags.sort(Comparator.comparing(GroupLag::groupId));
        return new TopicFigures(now, true, null, topicRates, lags);
    }

    private Map<String, TopicDescription> describeCatalogue() throws InterruptedException, TimeoutException {
        List<String> names = Topics.ALL.stream().map(Topic::name).toList();
        Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(names).topicNameValues();
        Map<String, TopicDescription> described = new HashMap<>();
        for (var entry : futures.entrySet()) {
            try {
                described.put(entry.getKey(), entry.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException absent) {
                LOG.debug("topic {} not described: {}", entry.getKey(), absent.getCause().toString());
            }
        }
        return described;
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions)
            throws InterruptedException, TimeoutException, ExecutionException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> ends = new HashMap<>();
        result.forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    private static Map<String, Map<TopicPartition, Long>> offsets(
            KafkaFuture<Map<String, Map<TopicPartition, OffsetAndMetadata>>> future)
            throws InterruptedException, TimeoutException, ExecutionException {
        Map<String, Map<TopicPartition, Long>> byGroup = new HashMap<>();
        future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((group, offsets) -> {
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((p, o) -> {
                if (o != null) {
                    committed.put(p, o.offset());
                }
            });
            byGroup.put(group, committed);
        });
        return byGroup;
    }

    private static TopicFigures.Role role(Topic<?, ?> topic) {
        if (topic.isDeadLetter()) {
            return TopicFigures.Role.DEAD_LETTERS;
        }
        return topic.valueType() == ProcessingException.class ? TopicFigures.Role.EXCEPTIONS : TopicFigures.Role.EVENTS;
    }
}
