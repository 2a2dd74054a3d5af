package io.revcycle.deploy.dashboard.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.SerdeImport;
import io.revcycle.deploy.dashboard.kpi.DaysToPayment;
import io.revcycle.deploy.dashboard.kpi.DenialRates;
import io.revcycle.deploy.dashboard.kpi.ExceptionQueues;
import io.revcycle.deploy.dashboard.kpi.PipelineFunnel;
import io.revcycle.deploy.dashboard.kpi.Ratio;
import io.revcycle.deploy.dashboard.kpi.ReceivablesAging;
import io.revcycle.deploy.dashboard.kpi.RevenueCycleLedger;
import io.revcycle.deploy.dashboard.kpi.StuckWork;
import io.revcycle.deploy.dashboard.services.ServiceProbe;
import io.revcycle.deploy.dashboard.services.ServiceStatus;
import io.revcycle.deploy.dashboard.topics.ClusterMonitor;
import io.revcycle.deploy.dashboard.topics.GroupLag;
import io.revcycle.deploy.dashboard.topics.TopicFigures;

import java.time.Instant;

/** The JSON the page polls. */
@Controller("/api")
@SerdeImport(RevenueCycleLedger.KpiReport.class)
@SerdeImport(PipelineFunnel.class)
@SerdeImport(StuckWork.class)
@SerdeImport(Ratio.class)
@SerdeImport(DenialRates.Result.class)
@SerdeImport(DenialRates.CategoryRate.class)
@SerdeImport(DenialRates.PayerRate.class)
@SerdeImport(DaysToPayment.Result.class)
@SerdeImport(DaysToPayment.Band.class)
@SerdeImport(ReceivablesAging.Result.class)
@SerdeImport(ReceivablesAging.PayerAging.class)
@SerdeImport(ExceptionQueues.Queue.class)
@SerdeImport(ExceptionQueues.Kind.class)
@SerdeImport(TopicFigures.class)
@SerdeImport(TopicFigures.TopicRate.class)
@SerdeImport(TopicFigures.Role.class)
@SerdeImport(GroupLag.class)
@SerdeImport(GroupLag.TopicLag.class)
@SerdeImport(ServiceStatus.class)
@SerdeImport(ServiceStatus.State.class)
final class SummaryController {

    private final RevenueCycleLedger ledger;
    private final ClusterMonitor cluster;
    private final ServiceProbe services;

    SummaryController(RevenueCycleLedger ledger, ClusterMonitor cluster, ServiceProbe services) {
        this.ledger = ledger;
        this.cluster = cluster;
        this.services = services;
    }

    @Get("/summary")
    DashboardSummary summary() {
        return new DashboardSummary(ledger.report(Instant.now()), cluster.figures(), services.statuses());
    }
}
