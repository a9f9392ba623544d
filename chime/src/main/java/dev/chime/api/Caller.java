package dev.chime.api;

/** Who is calling, decided once per request from the bearer token. */
sealed interface Caller {

  /** Whether this caller may see and change the namespace's resources. */
  boolean reaches(String namespace);

  /** The admin token: every namespace, and creating namespaces. */
  record Admin() implements Caller {
    @Override
    public boolean reaches(String namespace) {
      return true;
    }
  }

  /** A namespace token: that namespace only. */
  record Tenant(String namespace) implements Caller {
    @Override
    public boolean reaches(String other) {
      return namespace.equals(other);
    }
  }
}
