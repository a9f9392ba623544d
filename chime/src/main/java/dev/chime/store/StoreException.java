package dev.chime.store;

/**
 * The database failed: unreachable, timed out, or refused a statement. Nothing the caller asked
 * for was written. Distinct from {@link Conflict} (the data clashes) and from {@link
 * IllegalArgumentException} (the input is wrong), so the API can answer 503 rather than 4xx.
 */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
