package dev.chime.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of catalog files in {@code src/test/resources/catalog}. Each file says in comments
 * what the linter must find in it: {@code # expect: cron-six-fields 12:14} (rule, line, column),
 * one line per finding, or {@code # expect: none}. So adding a file adds a case. For every rule
 * there is a file that breaks it and a near miss, {@code RULE.near-miss.yaml}, that passes it.
 */
class CatalogCorpusTest {
  /** DST warnings look at the year after this: Denver springs forward on 2026-03-08. */
  static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-15T12:00:00Z"));

  /** Shown with generated input instead: a file over 1 MiB does not belong in the repository. */
  private static final Set<Rule> GENERATED = Set.of(Rule.FILE_TOO_LARGE);

  private static final Pattern EXPECT = Pattern.compile("(?m)^# expect: (.*)$");
  private static final Pattern FINDING = Pattern.compile("([a-z0-9-]+) (\\d+):(\\d+)");

  record Expected(String rule, int line, int column) {
    @Override
    public String toString() {
      return rule + " " + line + ":" + column;
    }
  }

  static Stream<String> corpus() {
    try (Stream<Path> files = Files.list(folder())) {
      return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void lintFindsExactlyWhatTheFileExpects(String name) throws IOException {
    byte[] bytes = Files.readAllBytes(folder().resolve(name));
    LintResult result = new CatalogLinter(CLOCK).lint(name, bytes);
    assertThat(result.findings())
        .as("findings of %s:%n%s", name, String.join("\n",
            result.findings().stream().map(Finding::toString).toList()))
        .extracting(f -> new Expected(f.rule(), f.line(), f.column()))
        .containsExactlyInAnyOrderElementsOf(expectations(name, bytes));
    if (!result.hasErrors()) {
      assertThat(result.schedules("billing")).as("what lints clean, the server accepts")
          .hasSameSizeAs(result.schedules());
    }
  }

  @Test
  void everyRule_hasAFileThatBreaksIt_andANearMissThatPassesIt() throws IOException {
    Map<String, List<Expected>> corpus = new TreeMap<>();
    for (String name : corpus().toList()) {
      corpus.put(name, expectations(name, Files.readAllBytes(folder().resolve(name))));
    }
    for (Rule rule : Rule.values()) {
      if (GENERATED.contains(rule)) {
        continue;
      }
      assertThat(corpus.values()).as("a corpus file that breaks %s", rule.id())
          .anyMatch(expected -> expected.stream().anyMatch(e -> e.rule().equals(rule.id())));
      String nearMiss = rule.id() + ".near-miss.yaml";
      assertThat(corpus).as("a near miss for %s", rule.id()).containsKey(nearMiss);
      assertThat(corpus.get(nearMiss)).as(nearMiss)
          .noneMatch(e -> e.rule().equals(rule.id()));
    }
  }

  /**
   * The {@code # expect:} lines. Read as ISO-8859-1 so that a file which is not UTF-8 on purpose
   * still shows its (ASCII) comments.
   */
  private static List<Expected> expectations(String name, byte[] bytes) {
    Matcher lines = EXPECT.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
    List<Expected> expected = new ArrayList<>();
    boolean said = false;
    while (lines.find()) {
      said = true;
      String text = lines.group(1).strip();
      if (text.equals("none")) {
        continue;
      }
      Matcher finding = FINDING.matcher(text);
      assertThat(finding.matches()).as("%s: `# expect: %s` is not `rule line:column`", name, text)
          .isTrue();
      expected.add(new Expected(finding.group(1), Integer.parseInt(finding.group(2)),
          Integer.parseInt(finding.group(3))));
    }
    assertThat(said).as("%s says what to expect (# expect: …)", name).isTrue();
    return expected;
  }

  static Path folder() {
    try {
      return Path.of(CatalogCorpusTest.class.getResource("/catalog").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
