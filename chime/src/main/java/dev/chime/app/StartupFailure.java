package dev.chime.app;

/** Chime could not start, for a reason the operator can act on (a port in use, a locked folder). */
public final class StartupFailure extends RuntimeException {
  StartupFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
