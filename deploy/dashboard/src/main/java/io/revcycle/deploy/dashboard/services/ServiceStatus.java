package io.revcycle.deploy.dashboard.services;

import java.time.Instant;

/** What a service's health endpoint last said; {@code httpStatus} is null when it did not answer. */
public record ServiceStatus(String name, String baseUrl, State state, Integer httpStatus, Instant checkedAt) {

    /**
     * UP: health 200. DOWN: health 503 (running, a dependency is down). ANSWERING: running but its
     * health endpoint answered otherwise (e.g. 401 behind security). UNREACHABLE: no answer.
     */
    public enum State { UNKNOWN, UP, DOWN, ANSWERING, UNREACHABLE }
}
