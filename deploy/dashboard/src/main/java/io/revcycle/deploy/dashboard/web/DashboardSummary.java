package io.revcycle.deploy.dashboard.web;

import io.micronaut.serde.annotation.Serdeable;
import io.revcycle.deploy.dashboard.kpi.RevenueCycleLedger.KpiReport;
import io.revcycle.deploy.dashboard.services.ServiceStatus;
import io.revcycle.deploy.dashboard.topics.TopicFigures;

import java.util.List;

/** Everything the page shows, in one answer. */
@Serdeable
public record DashboardSummary(KpiReport kpis, TopicFigures cluster, List<ServiceStatus> services) {
}
