package dev.chime.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Schedules as code" stays true: its example is clean, its table has every rule. */
class ReadmeTest {
  private static final Path README = Path.of("../README.md");

  private static String section() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("## Schedules as code");
    assertThat(start).as("the README has a section \"Schedules as code\"").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  @Test
  void example_lintsWithoutFindings() throws IOException {
    Matcher yaml = Pattern.compile("(?s)```yaml\n(.*?)```").matcher(section());
    assertThat(yaml.find()).as("a yaml example").isTrue();
    LintResult result = new CatalogLinter(CatalogCorpusTest.CLOCK)
        .lint("README.md", yaml.group(1).getBytes(StandardCharsets.UTF_8));
    assertThat(result.findings()).isEmpty();
    assertThat(result.schedules()).hasSize(3);
  }

  @Test
  void ruleTable_listsEveryRule_withItsSeverity() throws IOException {
    String section = section();
    for (Rule rule : Rule.values()) {
      assertThat(section).contains("| `" + rule.id() + "` | " + rule.severity().id() + " |");
    }
  }
}
