package dev.chime.catalog;

/** A place in a file: line and column, both counted from 1, as editors show them. */
record Position(int line, int column) {
  static final Position START = new Position(1, 1);

  /** The position {@code columns} characters to the right, on the same line. */
  Position right(int columns) {
    return new Position(line, column + columns);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
