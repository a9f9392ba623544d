package dev.chime.scheduler;

/** Tells the scheduler loop that something changed, so it re-plans now instead of sleeping. */
@FunctionalInterface
public interface Wakeup {
  void wake();

  /**
   * A schedule was edited, paused, resumed or deleted: besides re-planning, a fire of it that
   * the scheduler claimed ahead of its instant is checked again before it is sent.
   */
  default void changed(String namespace, String schedule) {
    wake();
  }
}
