package dev.chime.bench.replicas;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a replica's time goes in the database: the calls to the store and the seconds they
 * took, by operation, as its {@code /metrics} counts them ({@code chime_store_seconds}: every
 * store call, timed around its transaction, from the replica's side).
 */
final class StoreTimes {
  private static final Pattern SERIES = Pattern.compile(
      "^chime_store_seconds_(count|sum)\\{[^}]*operation=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$");
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .proxy(HttpClient.Builder.NO_PROXY).build();

  /** Calls and seconds of one operation. */
  record Use(double calls, double seconds) {}

  private StoreTimes() {}

  /** The counters of every replica at {@code ports}, added up. */
  static Map<String, Use> scrape(List<Integer> ports) throws IOException, InterruptedException {
    Map<String, Use> total = new HashMap<>();
    for (int port : ports) {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/metrics")).header("Authorization", "Bearer " + Replicas.ADMIN_TOKEN).build();
      String text = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
      for (String line : text.split("\n")) {
        Matcher m = SERIES.matcher(line.strip());
        if (m.matches()) {
          double value = Double.parseDouble(m.group(3));
          Use use = m.group(1).equals("count") ? new Use(value, 0) : new Use(0, value);
          total.merge(m.group(2), use,
              (a, b) -> new Use(a.calls() + b.calls(), a.seconds() + b.seconds()));
        }
      }
    }
    return total;
  }

  /** The operations that took most time between two scrapes, per fire, one line each. */
  static String report(Map<String, Use> before, Map<String, Use> after, int fires, int top) {
    List<Map.Entry<String, Use>> used = new ArrayList<>();
    after.forEach((operation, use) -> {
      Use was = before.getOrDefault(operation, new Use(0, 0));
      Use d = new Use(use.calls() - was.calls(), use.seconds() - was.seconds());
      if (d.calls() > 0) {
        used.add(Map.entry(operation, d));
      }
    });
    used.sort((a, b) -> Double.compare(b.getValue().seconds(), a.getValue().seconds()));
    StringBuilder lines = new StringBuilder("store calls, all replicas (operation: calls per"
        + " fire, ms per call, seconds in all):");
    for (Map.Entry<String, Use> e : used.subList(0, Math.min(top, used.size()))) {
      Use u = e.getValue();
      lines.append(String.format(Locale.ROOT, "%n       %-28s %7.3f  %8.2f  %7.2f",
          e.getKey(), u.calls() / fires, 1000 * u.seconds() / u.calls(), u.seconds()));
    }
    return lines.toString();
  }
}
