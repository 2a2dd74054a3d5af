package io.revcycle.coding.codesets;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Command line: reads a release directory the way {@code POST /v1/code-sets/import} would and prints
 * what each file contributes, so a release can be checked before a running service imports it.
 *
 * <pre>java -cp coding-service.jar io.revcycle.coding.codesets.CodeSetImportCheck DIRECTORY EFFECTIVE_FROM [VERSION]</pre>
 */
public final class CodeSetImportCheck {

    private CodeSetImportCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: CodeSetImportCheck DIRECTORY EFFECTIVE_FROM(yyyy-mm-dd) [VERSION]");
            System.exit(2);
        }
        LocalDate from = LocalDate.parse(args[1]);
        String version = args.length > 2 ? args[2] : "import-" + from;
        System.exit(check(Path.of(args[0]), from, version, System.out) ? 0 : 1);
    }

    /** Prints one line per recognised file; false when no file was recognised or a file had rejected lines. */
    static boolean check(Path directory, LocalDate from, String version, PrintStream out) throws IOException {
        CodeSets codeSets = new CodeSets();
        List<CodeSetImporter.FileImport> files = new CodeSetImporter(codeSets).importDirectory(directory, from, version);
        for (CodeSetImporter.FileImport f : files) {
            out.printf("%-60s %-24s loaded %,9d  rejected %,6d%n", f.file(), f.content(), f.loaded(), f.rejected());
        }
        if (files.isEmpty()) {
            out.println("no publisher file recognised in " + directory);
        }
        out.println("releases: " + codeSets.versionOn(from));
        return !files.isEmpty() && files.stream().allMatch(f -> f.rejected() == 0);
    }
}
