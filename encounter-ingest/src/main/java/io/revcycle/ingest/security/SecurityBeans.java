package io.revcycle.ingest.security;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** API keys from configuration ({@code revcycle.ingest.api-keys}, e.g. the env var REVCYCLE_INGEST_API_KEYS). */
@Factory
class SecurityBeans {

    @Singleton
    ApiKeys apiKeys(@Value("${revcycle.ingest.api-keys:}") String list) {
        return ApiKeys.parse(list);
    }
}
