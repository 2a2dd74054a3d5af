package io.revcycle.coding.codesets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.revcycle.coding.CodingConfiguration;
import io.revcycle.coding.cac.CodeSearch;
import io.revcycle.events.CodeSystem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Code-set releases: what is loaded, and the import of an official release from a directory on the
 * server (closed unless {@code coding.import-enabled} is true; only under {@code coding.import-directories}).
 */
@Controller("/v1/code-sets")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CodeSetController {

    @Serdeable
    public record ImportRequest(@NotBlank String directory, @NotNull LocalDate effectiveFrom, @Nullable String version) {
    }

    @Serdeable
    public record ReleaseView(String system, String version, LocalDate effectiveFrom, @Nullable LocalDate effectiveThrough) {
    }

    @Serdeable
    public record FileView(String file, String content, int loaded, int rejected) {
    }

    @Serdeable
    public record ImportView(String version, LocalDate effectiveFrom, List<FileView> files) {
    }

    @Serdeable
    public record Refusal(String message) {
    }

    private final CodeSets codeSets;
    private final CodeSearch search;
    private final CodingConfiguration configuration;

    CodeSetController(CodeSets codeSets, CodeSearch search, CodingConfiguration configuration) {
        this.codeSets = codeSets;
        this.search = search;
        this.configuration = configuration;
    }

    @Get
    public List<ReleaseView> releases() {
        List<ReleaseView> views = new ArrayList<>();
        for (CodeSystem system : List.of(CodeSystem.ICD10CM, CodeSystem.ICD10PCS, CodeSystem.CPT, CodeSystem.HCPCS)) {
            codeSets.codeSet(system).releases().forEach(r ->
                    views.add(new ReleaseView(system.name(), r.version(), r.effectiveFrom(), r.effectiveThrough())));
        }
        return views;
    }

    @Post("/import")
    public synchronized HttpResponse<?> importRelease(@Valid @Body ImportRequest request) throws IOException {
        if (!configuration.importEnabled()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN)
                    .body(new Refusal("code-set import is disabled (coding.import-enabled)"));
        }
        Path directory = Path.of(request.directory()).toAbsolutePath().normalize();
        if (!Files.isDirectory(directory) || !allowed(directory)) {
            return HttpResponse.badRequest(new Refusal("not an allowed directory: " + request.directory()));
        }
        String version = request.version() == null || request.version().isBlank()
                ? "import-" + request.effectiveFrom() : request.version().trim();
        List<CodeSetImporter.FileImport> files = new CodeSetImporter(codeSets)
                .importDirectory(directory, request.effectiveFrom(), version);
        search.reindex();
        return HttpResponse.ok(new ImportView(version, request.effectiveFrom(), files.stream()
                .map(f -> new FileView(f.file(), f.content(), f.loaded(), f.rejected())).toList()));
    }

    private boolean allowed(Path directory) throws IOException {
        Path real = directory.toRealPath();
        for (String base : configuration.importDirectoriesOrNone()) {
            Path b = Path.of(base).toAbsolutePath().normalize();
            if (Files.isDirectory(b) && real.startsWith(b.toRealPath())) {
                return true;
            }
        }
        return false;
    }
}
