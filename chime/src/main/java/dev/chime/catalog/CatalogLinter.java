package dev.chime.catalog;

import dev.chime.schedule.ScheduleSpec;
import java.time.InstantSource;
import java.util.List;

/**
 * Checks catalog-info.yaml files (SPEC §5): reads every document, finds the schedules of
 * {@code spec.schedules}, and runs every {@link Rule} on them. {@code chime lint},
 * {@code POST /v1/validate} and {@code apply} all use it, so they find the same things.
 */
public final class CatalogLinter {
  /** The largest file read; a larger one is one finding, so a reader may stop after this + 1. */
  public static final int MAX_BYTES = YamlReader.MAX_BYTES;

  private final InstantSource clock;

  /** @param clock daylight-saving warnings look at the year after its instant */
  public CatalogLinter(InstantSource clock) {
    this.clock = clock;
  }

  public LintResult lint(String file, byte[] content) {
    Findings findings = new Findings(file);
    List<YamlNode> documents;
    try {
      documents = YamlReader.read(content);
    } catch (YamlReader.Unreadable e) {
      return new LintResult(file, List.of(e.finding(file)), List.of());
    }
    Declarations declared = Declarations.read(documents, findings);
    ScheduleRules.check(declared, clock.instant(), findings);
    List<ScheduleSpec> specs = declared.schedules().stream().map(DeclaredSchedule::spec).toList();
    return new LintResult(file, findings.list(), specs);
  }
}
