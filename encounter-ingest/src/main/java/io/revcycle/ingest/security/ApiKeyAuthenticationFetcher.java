package io.revcycle.ingest.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;

import org.reactivestreams.Publisher;

import java.util.List;
import java.util.Map;

/** Authenticates a request carrying {@code X-API-Key} as the source system the key belongs to. */
@Singleton
final class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;

    ApiKeyAuthenticationFetcher(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String presented = request.getHeaders().get(HEADER);
        if (presented == null) {
            return Publishers.empty();
        }
        return keys.sourceSystemOf(presented)
                .map(source -> Publishers.just(Authentication.build(source, List.of(SourceSystems.ROLE),
                        Map.<String, Object>of(SourceSystems.CLAIM, source))))
                .orElseGet(Publishers::empty);
    }
}
