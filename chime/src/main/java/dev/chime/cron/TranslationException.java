package dev.chime.cron;

/** A schedule that has no exact form in the requested dialect; the message says why. */
public final class TranslationException extends IllegalArgumentException {
  TranslationException(String reason) {
    super(reason);
  }
}
