package dev.chime.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Files that are not catalog files at all: each is one clear finding that says what the file is,
 * never an exception; and no bytes whatever make the linter throw.
 */
class CatalogInputTest {
  private static final Set<String> RULE_IDS =
      Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.toSet());

  private static final String VALID = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: billing
      spec:
        routes:
          - path: /api/billing
        schedules:
          - name: nightly-sync
            cron: "30 2 * * *"
            endpoint: /internal/cron/nightly-sync
            timezone: America/Denver
            retry: {maxAttempts: 5, maxBackoffMs: 120000}
            payload: {full: true, regions: [eu, us]}
            chain: [hourly-ping]
          - name: hourly-ping
            every: 1h
            endpoint: /internal/cron/hourly-ping
      """;

  private static LintResult lint(byte[] bytes) {
    return new CatalogLinter(CatalogCorpusTest.CLOCK).lint("catalog-info.yaml", bytes);
  }

  private static LintResult lint(String text) {
    return lint(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Finding onlyFinding(LintResult result) {
    assertThat(result.findings()).hasSize(1);
    return result.findings().getFirst();
  }

  @Test
  void validFile_hasOnlyTheWarningItEarns() {
    assertThat(lint(VALID).findings()).extracting(Finding::rule).containsExactly("dst-transition");
  }

  @Test
  void notYaml_isOneSyntaxError_withWhere() {
    Finding f = onlyFinding(lint("apiVersion: v1\nspec: [unclosed, {\n"));
    assertThat(f.rule()).isEqualTo("yaml-syntax");
    assertThat(f.message()).startsWith("not valid YAML: ");
    assertThat(f.line()).isGreaterThan(1);
  }

  @Test
  void prose_isOneFinding_sayingWhatACatalogFileIs() {
    Finding f = onlyFinding(lint("This service syncs nightly at two.\nAsk team billing.\n"));
    assertThat(f.rule()).isEqualTo("wrong-type");
    assertThat(f.message()).startsWith("a catalog document is a mapping (apiVersion, kind,"
        + " metadata, spec), not text");
  }

  @Test
  void notUtf8_namesTheByteAndWhereItIs() {
    byte[] latin1 = "metadata:\n  description: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Finding f = onlyFinding(lint(latin1));
    assertThat(f).hasToString("catalog-info.yaml:2:19: error: the file is not UTF-8: byte 0xE9"
        + " (offset 28) is not valid UTF-8; save it as UTF-8 [not-utf8]");
  }

  @Test
  void aCharacterYamlForbids_isPointedAt() {
    Finding f = onlyFinding(lint("metadata:\n  description: bell\u0007\n"));
    assertThat(f).hasToString("catalog-info.yaml:2:20: error: not valid YAML: the character"
        + " U+0007 may not appear in a YAML file; remove it [yaml-syntax]");
  }

  @Test
  void utf16_isNamedAsSuch() {
    byte[] utf16 = VALID.getBytes(StandardCharsets.UTF_16); // with its byte order mark
    Finding f = onlyFinding(lint(utf16));
    assertThat(f.rule()).isEqualTo("not-utf8");
    assertThat(f.message()).contains("UTF-16");
  }

  @Test
  void emptyBlankOrOnlyComments_isOneFinding() {
    for (String empty : List.of("", "\n\n  \n", "# catalog-info.yaml\n# TODO\n", "---\n")) {
      Finding f = onlyFinding(lint(empty));
      assertThat(f.rule()).as(empty).isEqualTo("empty-file");
      assertThat(f.message()).startsWith("the file is empty");
    }
  }

  @Test
  void deepNesting_stopsAtTheLimit_withoutRecursion() {
    Finding f = onlyFinding(lint("[".repeat(10_000)));
    assertThat(f).hasToString("catalog-info.yaml:1:33: error: values nest deeper than 32 levels;"
        + " a catalog file needs a few [yaml-too-deep]");
    assertThat(onlyFinding(lint("a:\n" + "  ".repeat(1) + "{b: ".repeat(5000))).rule())
        .isEqualTo("yaml-too-deep");
  }

  @Test
  void megabytes_areOneFinding_andJustUnderTheLimitIsRead() {
    String line = "# " + "x".repeat(1021) + "\n"; // 1 KiB
    byte[] large = (VALID + line.repeat(3 * 1024)).getBytes(StandardCharsets.UTF_8);
    Finding f = onlyFinding(lint(large));
    assertThat(f.rule()).isEqualTo("file-too-large");
    assertThat(f.message()).startsWith("the file is larger than 1 MiB");

    int room = CatalogLinter.MAX_BYTES - VALID.length();
    String padding = line.repeat(room / line.length());
    byte[] justUnder = (VALID + padding).getBytes(StandardCharsets.UTF_8);
    assertThat(justUnder.length).isGreaterThan(CatalogLinter.MAX_BYTES - 1024)
        .isLessThanOrEqualTo(CatalogLinter.MAX_BYTES);
    assertThat(lint(justUnder).findings()).extracting(Finding::rule)
        .containsExactly("dst-transition");
  }

  @Test
  void aMegabyteOfDifferentMistakes_isLintedWithinAGenerousBound() {
    StringBuilder yaml = new StringBuilder("spec:\n  schedules:\n");
    for (int i = 0; yaml.length() < CatalogLinter.MAX_BYTES - 200; i++) {
      yaml.append("    - name: s").append(i).append("\n      cron: \"30 2 * * *\"\n")
          .append("      endpoint: /internal/cron/s").append(i).append("\n")
          .append("      timezone: Europe/Stokholm").append(i).append("\n")
          .append("      chain: [x").append(i).append("]\n");
    }
    // Guessing what a misspelt name meant is the costly part: a guess for every one took 50 s.
    LintResult result =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> lint(yaml.toString()));
    assertThat(result.findings()).extracting(Finding::rule).containsOnly("unknown-timezone",
        "chain-unknown");
    assertThat(result.findings().getFirst().message()).contains("did you mean");
  }

  @Test
  void randomAndMutatedBytes_giveWellFormedFindings_neverAnException_andCleanMeansAccepted() {
    Random random = new Random(20261122L + Long.getLong("chime.fuzz.seed", 0));
    byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
    List<String> failures = new ArrayList<>();
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 0; i < 3000; i++) {
        byte[] input = i % 10 == 0 ? randomBytes(random) : mutate(random, valid);
        try {
          LintResult result = lint(input);
          for (Finding f : result.findings()) {
            if (f.line() < 1 || f.column() < 1 || f.message().isBlank()
                || f.message().contains("\n") || !RULE_IDS.contains(f.rule())) {
              failures.add(f + " from " + Arrays.toString(input));
            }
          }
          if (!result.hasErrors()) {
            result.schedules("billing"); // what lints clean, the server accepts
          }
        } catch (RuntimeException | StackOverflowError e) {
          failures.add(e + " from:\n" + new String(input, StandardCharsets.UTF_8));
        }
      }
    });
    assertThat(failures).isEmpty();
  }

  @Test
  void everyCorpusFile_survivesMutation() throws IOException {
    Random random = new Random(20261123L + Long.getLong("chime.fuzz.seed", 0));
    List<String> failures = new ArrayList<>();
    for (String name : CatalogCorpusTest.corpus().toList()) {
      byte[] bytes = Files.readAllBytes(CatalogCorpusTest.folder().resolve(name));
      for (int i = 0; i < 50; i++) {
        byte[] input = mutate(random, bytes);
        try {
          lint(input);
        } catch (RuntimeException e) {
          failures.add(name + ": " + e);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(200)];
    random.nextBytes(bytes);
    return bytes;
  }

  /** One to three edits: a byte changed, inserted or removed, a span repeated, or the end cut. */
  private static byte[] mutate(Random random, byte[] original) {
    byte[] bytes = original;
    for (int edits = 1 + random.nextInt(3); edits > 0 && bytes.length > 0; edits--) {
      int at = random.nextInt(bytes.length);
      bytes = switch (random.nextInt(6)) {
        case 0 -> replace(bytes, at, (byte) random.nextInt(256));
        case 1 -> replace(bytes, at, (byte) " -:#[]{}*&!|>'\"\t\n".charAt(random.nextInt(17)));
        case 2 -> insert(bytes, at, (byte) "\n -:[{*&\"'".charAt(random.nextInt(10)));
        case 3 -> remove(bytes, at);
        case 4 -> insert(bytes, at, Arrays.copyOfRange(bytes, at,
            Math.min(bytes.length, at + random.nextInt(40))));
        default -> Arrays.copyOf(bytes, at);
      };
    }
    return bytes;
  }

  private static byte[] replace(byte[] bytes, int at, byte b) {
    byte[] copy = bytes.clone();
    copy[at] = b;
    return copy;
  }

  private static byte[] insert(byte[] bytes, int at, byte... inserted) {
    byte[] copy = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, copy, 0, at);
    System.arraycopy(inserted, 0, copy, at, inserted.length);
    System.arraycopy(bytes, at, copy, at + inserted.length, bytes.length - at);
    return copy;
  }

  private static byte[] remove(byte[] bytes, int at) {
    byte[] copy = new byte[bytes.length - 1];
    System.arraycopy(bytes, 0, copy, 0, at);
    System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
    return copy;
  }
}
