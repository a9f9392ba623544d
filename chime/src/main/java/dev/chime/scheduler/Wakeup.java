package dev.chime.scheduler;

/** Tells the scheduler loop that schedules changed, so it recomputes when to wake. */
@FunctionalInterface
public interface Wakeup {
  void wake();
}
