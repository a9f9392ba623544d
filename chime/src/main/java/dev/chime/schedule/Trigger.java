package dev.chime.schedule;

import java.util.Locale;

/** Why a run exists; sent as {@code X-Chime-Trigger}. */
public enum Trigger {
  /** A fire at its time. */
  SCHEDULE,
  /** Someone asked for a run now. */
  MANUAL,
  /** A fire missed while Chime was down, run late by the schedule's catch-up policy. */
  CATCHUP,
  /** Another schedule's run succeeded and this one is in its chain. */
  CHAIN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
