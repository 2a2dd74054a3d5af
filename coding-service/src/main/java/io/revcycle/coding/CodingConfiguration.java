package io.revcycle.coding;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Settings under {@code coding.*}.
 *
 * @param autoCodeThreshold    confidence from which computer-assisted suggestions are coded without a query
 * @param maxOptions           options a query offers at most
 * @param coveragePolicies     a coverage policy table (TSV) replacing the bundled starter policies; empty for the starter
 * @param importEnabled        whether {@code POST /v1/code-sets/import} is open
 * @param importDirectories    directories (and their subdirectories) the import endpoint may read
 */
@ConfigurationProperties("coding")
public record CodingConfiguration(
        @Bindable(defaultValue = "0.8") double autoCodeThreshold,
        @Bindable(defaultValue = "5") int maxOptions,
        @Nullable String coveragePolicies,
        @Bindable(defaultValue = "false") boolean importEnabled,
        @Nullable List<String> importDirectories) {

    public List<String> importDirectoriesOrNone() {
        return importDirectories == null ? List.of() : importDirectories.stream().filter(d -> d != null && !d.isBlank()).toList();
    }
}
