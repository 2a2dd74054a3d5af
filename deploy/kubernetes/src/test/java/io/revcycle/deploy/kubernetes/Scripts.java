package io.revcycle.deploy.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the module's bash scripts with a stand-in command that records how it was called. */
final class Scripts {

    /** Outcome of a script run: exit code, its output, and the stand-in's calls, one line each. */
    record Run(int exitCode, String output, List<String> calls) {
    }

    private Scripts() {
    }

    /**
     * Writes an executable stand-in at {@code dir/name} that appends its arguments, one call per line,
     * to {@code dir/calls}, and runs {@code extra} (bash) after recording.
     */
    static Path standIn(Path dir, String name, String extra) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/usr/bin/env bash\necho \"$*\" >> \"" + dir.resolve("calls") + "\"\n" + extra + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    static Run run(Path script, Path workDir, Path callsDir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("script did not end: " + output);
        }
        Path calls = callsDir.resolve("calls");
        List<String> recorded = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        return new Run(process.exitValue(), output, recorded);
    }
}
