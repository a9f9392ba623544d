package dev.chime.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The findings of one file, collected by every rule and listed in file order. */
final class Findings {
  private final String file;
  private final List<Finding> found = new ArrayList<>();

  Findings(String file) {
    this.file = file;
  }

  void add(Position at, Rule rule, String message) {
    found.add(new Finding(file, at, rule, message));
  }

  void add(Finding finding) {
    found.add(finding);
  }

  boolean hasErrors() {
    return found.stream().anyMatch(Finding::isError);
  }

  List<Finding> list() {
    return found.stream()
        .sorted(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column))
        .toList();
  }
}
