package dev.chime.cli;

import picocli.CommandLine;

/** How a command prints its result. */
enum OutputFormat {
  TEXT,
  JSON;

  /** The {@code --format} option, shared by the commands that print data. */
  static final class Option {
    @CommandLine.Option(
        names = "--format",
        paramLabel = "text|json",
        defaultValue = "text",
        description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    boolean json() {
      return format == JSON;
    }
  }
}
