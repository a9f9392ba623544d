package dev.chime.scheduler;

/** Tells the scheduler loop that something changed, so it re-plans now instead of sleeping. */
@FunctionalInterface
public interface Wakeup {
  void wake();
}
