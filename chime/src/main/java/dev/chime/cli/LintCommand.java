package dev.chime.cli;

import dev.chime.catalog.CatalogLinter;
import dev.chime.catalog.LintResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code chime lint}: checks catalog-info.yaml files before deploy. Exit status 1 when any file
 * has an error, 0 when there are warnings only. A file that cannot be read is a usage error
 * (status 2, as eslint and compilers do for a missing source): nothing is linted then, so a typo
 * in a CI script never passes as a clean run.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = "Check catalog-info.yaml files: the schedules of spec.schedules against every"
        + " rule (see the README's table). Exit status 1 on any error.")
final class LintCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "catalog-info.yaml files.")
  List<Path> files;

  @Option(
      names = "--format",
      paramLabel = "text|json|github",
      defaultValue = "text",
      description = "text (file:line:column: severity: message [rule]), json, or github"
          + " (workflow commands that annotate a pull request). Default: ${DEFAULT-VALUE}.")
  LintReport.Format format;

  @Spec CommandSpec spec;

  private final InstantSource clock;

  LintCommand(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    Map<String, byte[]> contents = read();
    if (contents == null) {
      return CommandLine.ExitCode.USAGE;
    }
    CatalogLinter linter = new CatalogLinter(clock);
    List<LintResult> results = new ArrayList<>();
    contents.forEach((file, bytes) -> results.add(linter.lint(file, bytes)));
    LintReport.print(format, results, spec.commandLine().getOut());
    return results.stream().anyMatch(LintResult::hasErrors) ? ChimeCommand.INVALID_INPUT : 0;
  }

  /** Every file's bytes, by its name as given; null after saying which could not be read. */
  private Map<String, byte[]> read() {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, byte[]> contents = new LinkedHashMap<>();
    boolean failed = false;
    for (Path file : files) {
      try {
        contents.put(file.toString(), readUpToLimit(file));
      } catch (IOException e) {
        err.println("chime: cannot read " + file + ": " + reason(file, e));
        failed = true;
      }
    }
    return failed ? null : contents;
  }

  /** At most one byte past the limit: the linter only needs to know the file is too large. */
  private static byte[] readUpToLimit(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(CatalogLinter.MAX_BYTES + 1);
    }
  }

  private static String reason(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (Files.isDirectory(file)) {
      return "it is a directory; name the catalog-info.yaml files in it";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
