package dev.chime.cron;

/** Writes a parsed expression in another dialect, exactly or not at all. */
final class Translator {
  private Translator() {}

  static String translate(CronExpression cron, Dialect target) {
    throw new UnsupportedOperationException("Translator: being written");
  }

  /** The five-field schedule for a Kubernetes CronJob. */
  static String toKubernetes(CronExpression cron) {
    throw new UnsupportedOperationException("Translator: being written");
  }
}
