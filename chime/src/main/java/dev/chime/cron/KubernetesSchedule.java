package dev.chime.cron;

/**
 * A schedule as a Kubernetes CronJob writes it: a five-field {@code schedule} and a {@code
 * timeZone}. The {@code timeZone} field needs Kubernetes 1.27 or later; older clusters ignore it
 * and run in the controller's zone.
 */
public record KubernetesSchedule(String schedule, String timeZone) {
  public static final String VERSION_NOTE =
      "the timeZone field needs Kubernetes 1.27 or later; older clusters silently use UTC";

  /** The two fields as they go under a CronJob's {@code spec}. */
  public String yaml() {
    return "schedule: \"" + schedule + "\"\ntimeZone: \"" + timeZone + "\"";
  }
}
