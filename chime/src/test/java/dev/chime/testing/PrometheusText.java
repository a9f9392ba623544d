package dev.chime.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus text format read back, independently of the library that wrote it: each sample
 * line {@code name{label="value",…} number} becomes a sample; comments are kept by name.
 */
public final class PrometheusText {
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  /** One sample: its name, labels (sorted by name) and value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;
  private final Map<String, String> types;

  private PrometheusText(List<Sample> samples, Map<String, String> types) {
    this.samples = samples;
    this.types = types;
  }

  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ");
        types.put(parts[0], parts[1]);
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        throw new AssertionError("not a sample line: " + line);
      }
      Map<String, String> labels = new TreeMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        int end = 0;
        while (label.find() && label.start() == end) {
          labels.put(label.group(1), label.group(2));
          end = label.end();
        }
        if (end != sample.group(2).length()) {
          throw new AssertionError("labels not read: " + line);
        }
      }
      samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3)
          .replace("+Inf", "Infinity"))));
    }
    return new PrometheusText(List.copyOf(samples), types);
  }

  public List<Sample> samples() {
    return samples;
  }

  /** The type a {@code # TYPE} line gives the family, or null. */
  public String type(String family) {
    return types.get(family);
  }

  /**
   * The value of the one sample of {@code name} whose labels include these (name, value pairs);
   * 0 when there is none, as Prometheus reads an absent counter.
   */
  public double value(String name, String... labels) {
    List<Sample> found = samples.stream()
        .filter(s -> s.name().equals(name) && has(s, labels)).toList();
    if (found.size() > 1) {
      throw new AssertionError(found.size() + " samples of " + name + " match "
          + List.of(labels) + ": " + found);
    }
    return found.isEmpty() ? 0 : found.getFirst().value();
  }

  private static boolean has(Sample sample, String... labels) {
    for (int i = 0; i < labels.length; i += 2) {
      if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
        return false;
      }
    }
    return true;
  }
}
