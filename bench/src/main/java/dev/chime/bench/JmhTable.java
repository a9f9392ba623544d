package dev.chime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@link EngineBenchmark}'s JMH JSON into markdown tables: one row per expression and zone,
 * one column per library, and how Chime compares with the fastest peer in that row. With {@code
 * -prof gc} in the run it adds the bytes allocated per operation.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.chime.bench.JmhTable
 * bench/target/jmh-engine.json}
 */
public final class JmhTable {
  private static final String CHIME = "chime";
  private static final String ALLOCATION = "gc.alloc.rate.norm";

  private final Map<String, Map<Row, Map<String, Double>>> times = new LinkedHashMap<>();
  private final Map<String, Map<Row, Map<String, Double>>> allocations = new LinkedHashMap<>();
  private final Set<String> libraries = new LinkedHashSet<>(List.of(CHIME));
  private final Set<String> startSets = new LinkedHashSet<>();
  private final List<String> notes = new ArrayList<>();

  private record Row(String expression, String zone, String starts) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: JmhTable <jmh-result.json>");
      System.exit(2);
    }
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    System.out.print(new JmhTable(results).markdown(results));
  }

  private JmhTable(JsonNode results) {
    for (JsonNode result : results) {
      String benchmark = result.path("benchmark").asText();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      JsonNode params = result.path("params");
      String library = params.path("library").asText();
      Row row =
          new Row(
              params.path("expression").asText(),
              params.path("zone").asText(),
              params.path("starts").asText("rotating"));
      libraries.add(library);
      startSets.add(row.starts);
      put(times, method, row, library, result.path("primaryMetric").path("score").asDouble());
      JsonNode allocated = result.path("secondaryMetrics").path(ALLOCATION).path("score");
      if (allocated.isNumber()) {
        put(allocations, method, row, library, allocated.asDouble());
      }
    }
  }

  private static void put(
      Map<String, Map<Row, Map<String, Double>>> into,
      String method,
      Row row,
      String library,
      double value) {
    into.computeIfAbsent(method, m -> new LinkedHashMap<>())
        .computeIfAbsent(row, r -> new LinkedHashMap<>())
        .put(library, value);
  }

  private String markdown(JsonNode results) {
    StringBuilder out = new StringBuilder();
    JsonNode first = results.path(0);
    out.append(
        String.format(
            Locale.ROOT,
            "JMH %s, %s %s; forks: %d, warm-up: %d × %s, measurement: %d × %s, threads: %s.%n",
            first.path("jmhVersion").asText(),
            first.path("vmName").asText(),
            first.path("jdkVersion").asText(),
            first.path("forks").asInt(),
            first.path("warmupIterations").asInt(),
            first.path("warmupTime").asText(),
            first.path("measurementIterations").asInt(),
            first.path("measurementTime").asText(),
            first.path("threads").asText()));
    table(out, "Next fire", "ns/op, lower is better", times.get("nextFire"), true);
    table(out, "Parse", "ns/op, lower is better", times.get("parse"), true);
    table(out, "Next fire: allocation", "bytes/op", allocations.get("nextFire"), false);
    table(out, "Parse: allocation", "bytes/op", allocations.get("parse"), false);
    if (!notes.isEmpty()) {
      out.append(System.lineSeparator()).append("Notes:").append(System.lineSeparator());
      for (int i = 0; i < notes.size(); i++) {
        out.append(String.format("%d. %s%n", i + 1, notes.get(i)));
      }
    }
    return out.toString();
  }

  private void table(
      StringBuilder out,
      String title,
      String unit,
      Map<Row, Map<String, Double>> rows,
      boolean compare) {
    if (rows == null) {
      return;
    }
    boolean showStarts = startSets.size() > 1;
    out.append(String.format("%n#### %s (%s)%n%n", title, unit));
    List<String> header = new ArrayList<>(List.of("Expression", "Zone"));
    if (showStarts) {
      header.add("Starts");
    }
    header.addAll(libraries);
    if (compare) {
      header.add("Chime vs fastest peer");
    }
    line(out, header);
    line(out, header.stream().map(h -> isLabel(h) ? "---" : "---:").toList());
    Map<String, List<Double>> all = new LinkedHashMap<>();
    for (var entry : rows.entrySet()) {
      Row row = entry.getKey();
      Map<String, Double> scores = entry.getValue();
      List<String> cells = new ArrayList<>(List.of("`" + row.expression + "`", row.zone));
      if (showStarts) {
        cells.add(row.starts);
      }
      for (String library : libraries) {
        Double score = scores.get(library);
        String cell = score == null ? "—" : number(score);
        if (score != null) {
          all.computeIfAbsent(library, l -> new ArrayList<>()).add(score);
          cell +=
              PeerSyntax.difference(library, row.expression, row.zone)
                  .map(this::marker)
                  .orElse("");
        }
        cells.add(cell);
      }
      if (compare) {
        cells.add(versus(scores));
      }
      line(out, cells);
    }
    if (compare) {
      meanRow(out, rows.size(), all, showStarts);
    }
  }

  /** The geometric mean of each library's column, when it has a positive score in every row. */
  private void meanRow(
      StringBuilder out, int rowCount, Map<String, List<Double>> all, boolean showStarts) {
    List<String> mean = new ArrayList<>(List.of("geometric mean", ""));
    if (showStarts) {
      mean.add("");
    }
    Map<String, Double> means = new LinkedHashMap<>();
    for (String library : libraries) {
      List<Double> scores = all.getOrDefault(library, List.of());
      if (scores.size() == rowCount && scores.stream().allMatch(s -> s > 0)) {
        double logSum = scores.stream().mapToDouble(Math::log).sum();
        means.put(library, Math.exp(logSum / scores.size()));
      }
      mean.add(means.containsKey(library) ? "**" + number(means.get(library)) + "**" : "—");
    }
    mean.add(versus(means));
    line(out, mean);
  }

  private static boolean isLabel(String header) {
    return header.equals("Expression") || header.equals("Zone") || header.equals("Starts");
  }

  /** "2.1× faster than spring", or slower, against the peer with the lowest score. */
  private static String versus(Map<String, Double> scores) {
    Double chime = scores.get(CHIME);
    String fastest = null;
    for (var e : scores.entrySet()) {
      if (!e.getKey().equals(CHIME) && (fastest == null || e.getValue() < scores.get(fastest))) {
        fastest = e.getKey();
      }
    }
    if (chime == null || fastest == null || chime <= 0) {
      return "—";
    }
    double peer = scores.get(fastest);
    return chime <= peer
        ? String.format(Locale.ROOT, "%.1f× faster than %s", peer / chime, fastest)
        : String.format(Locale.ROOT, "%.1f× slower than %s", chime / peer, fastest);
  }

  private String marker(String note) {
    int index = notes.indexOf(note);
    if (index < 0) {
      notes.add(note);
      index = notes.size() - 1;
    }
    return " (" + (index + 1) + ")";
  }

  private static String number(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
  }

  private static void line(StringBuilder out, List<String> cells) {
    out.append("| ").append(String.join(" | ", cells)).append(" |").append(System.lineSeparator());
  }
}
