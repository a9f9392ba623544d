package dev.chime.cli;

import dev.chime.app.StartupFailure;
import dev.chime.cron.CronParseException;
import dev.chime.cron.TranslationException;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code chime} command; each verb is a subcommand. */
@Command(
    name = "chime",
    mixinStandardHelpOptions = true,
    versionProvider = ChimeCommand.Version.class,
    description = "Chime: HTTP cron that is correct to the minute across daylight saving.",
    subcommands = {CommandLine.HelpCommand.class})
final class ChimeCommand implements Runnable {
  static final int INVALID_INPUT = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
  }

  static CommandLine commandLine(InstantSource clock, PrintWriter out, PrintWriter err) {
    return commandLine(clock, out, err, System.getenv());
  }

  /** @param environment where {@code CHIME_*} variables are read: the process's, or a test's */
  static CommandLine commandLine(InstantSource clock, PrintWriter out, PrintWriter err,
      Map<String, String> environment) {
    CommandLine cli = new CommandLine(new ChimeCommand());
    cli.addSubcommand("serve", new ServeCommand(clock, environment));
    cli.addSubcommand("next", new NextCommand(clock));
    cli.addSubcommand("explain", new ExplainCommand(clock));
    cli.addSubcommand("translate", new TranslateCommand());
    cli.addSubcommand("lint", new LintCommand(clock));
    cli.addSubcommand("apply", new ApplyCommand(environment));
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(ChimeCommand::invalidInput);
    return cli;
  }

  /** Bad expressions, zones and translations are invalid input (status 1), told plainly. */
  private static int invalidInput(
      Exception e, CommandLine cli, CommandLine.ParseResult parsed) throws Exception {
    PrintWriter err = cli.getErr();
    if (e instanceof CronParseException p) {
      err.println("chime: " + p.getMessage());
      if (p.column() > 0) {
        err.println("  " + p.expression());
        err.println("  " + " ".repeat(p.column() - 1) + "^".repeat(Math.max(1, p.text().length())));
      }
      return INVALID_INPUT;
    }
    if (e instanceof TranslationException || e instanceof IllegalArgumentException
        || e instanceof StartupFailure) {
      err.println("chime: " + e.getMessage());
      return INVALID_INPUT;
    }
    throw e;
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ChimeCommand.class.getPackage().getImplementationVersion();
      return new String[] {"chime " + (v == null ? "development" : v)};
    }
  }
}
