package dev.chime.cli;

import dev.chime.cron.CronExpression;
import dev.chime.cron.Dialect;
import dev.chime.cron.KubernetesSchedule;
import dev.chime.cron.Zones;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chime translate}: the same schedule in another dialect, exactly, or the reason why not. */
@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    description = "Write an expression in another dialect, firing at exactly the same times.")
final class TranslateCommand implements Callable<Integer> {

  /** Where a translation can go: the dialects, and Kubernetes (posix plus timeZone). */
  enum Target {
    POSIX,
    ISO,
    QUARTZ,
    AWS,
    K8S
  }

  @Parameters(index = "0", paramLabel = "EXPR", description = "A cron expression.")
  String expression;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "TARGET",
      description = "posix, iso, quartz, aws or k8s.")
  Target target;

  @Option(
      names = "--dialect",
      paramLabel = "D",
      defaultValue = "posix",
      description = "Dialect of EXPR: posix, iso, quartz or aws (default: ${DEFAULT-VALUE}).")
  Dialect dialect;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "For k8s: the CronJob's timeZone (default: ${DEFAULT-VALUE}).")
  String zone;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CronExpression cron = CronExpression.parse(expression, dialect);
    var out = spec.commandLine().getOut();
    if (target == Target.K8S) {
      KubernetesSchedule k8s = cron.toKubernetes(Zones.of(zone));
      out.println("# " + KubernetesSchedule.VERSION_NOTE);
      out.println(k8s.yaml());
    } else {
      out.println(cron.translate(Dialect.valueOf(target.name())));
    }
    return 0;
  }
}
