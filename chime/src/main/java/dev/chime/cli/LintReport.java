package dev.chime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chime.catalog.Finding;
import dev.chime.catalog.LintResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The findings of {@code chime lint} in each output format. */
final class LintReport {
  private LintReport() {}

  enum Format {
    /** {@code file:line:column: severity: message [rule]}, then a summary line. */
    TEXT,
    /** A JSON array of findings, as {@code POST /v1/validate} answers them. */
    JSON,
    /** GitHub Actions workflow commands, which annotate the lines of a pull request. */
    GITHUB
  }

  /** A finding as JSON: the same object {@code POST /v1/validate} returns. */
  record FindingJson(String file, int line, int column, String severity, String message,
      String rule) {
    static FindingJson of(Finding f) {
      return new FindingJson(f.file(), f.line(), f.column(), f.severity().id(), f.message(),
          f.rule());
    }
  }

  static void print(Format format, List<LintResult> results, PrintWriter out) {
    List<Finding> findings = results.stream().flatMap(r -> r.findings().stream()).toList();
    switch (format) {
      case TEXT -> {
        findings.forEach(out::println);
        out.println(summary(results));
      }
      case JSON -> out.println(json(findings));
      case GITHUB -> {
        findings.forEach(f -> out.println(github(f)));
        out.println(summary(results));
      }
    }
    out.flush();
  }

  /** "2 errors, 1 warning in 3 files", or "no problems in 1 file". */
  static String summary(List<LintResult> results) {
    long errors = results.stream().mapToLong(LintResult::errors).sum();
    long warnings = results.stream().mapToLong(LintResult::warnings).sum();
    String files = count(results.size(), "file");
    if (errors == 0 && warnings == 0) {
      return "no problems in " + files;
    }
    String found = errors == 0 ? count(warnings, "warning")
        : warnings == 0 ? count(errors, "error")
        : count(errors, "error") + ", " + count(warnings, "warning");
    return found + " in " + files;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String json(List<Finding> findings) {
    try {
      return new ObjectMapper().writeValueAsString(findings.stream().map(FindingJson::of)
          .toList());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code ::error file=F,line=L,col=C,title=RULE::message}, escaped as GitHub's toolkit does:
   * {@code % CR LF} everywhere, and {@code : ,} in the properties too.
   */
  static String github(Finding f) {
    return "::" + f.severity().id()
        + " file=" + property(f.file())
        + ",line=" + f.line()
        + ",col=" + f.column()
        + ",title=" + property(f.rule())
        + "::" + data(f.message());
  }

  private static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
