package dev.chime.store;

/** A write that clashes with what is stored: a name taken, or a row changed meanwhile. */
public final class Conflict extends RuntimeException {
  public Conflict(String message) {
    super(message);
  }
}
