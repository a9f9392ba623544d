package dev.chime.cron;

/** What a fixed-time schedule does on a day its wall time does not exist (SPEC §2.5). */
public enum DstGap {
  /** Fire once at the first instant after the gap (cronie's behaviour; the default). */
  SHIFT,
  /** Skip that day's fire, recording it as a skipped run with the reason. */
  SKIP
}
