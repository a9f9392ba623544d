package dev.chime.store;

import dev.chime.schedule.Namespace;
import java.util.List;
import java.util.Optional;

/** Namespaces, with their signing secret and token hashes (never returned in a Namespace). */
public interface NamespaceStore {

  /**
   * Creates a namespace with its signing secret and the hash of its first API token.
   *
   * @throws Conflict when the name is taken
   */
  void create(Namespace namespace, String signingSecret, String tokenHash);

  Optional<Namespace> find(String name);

  /** Points a namespace at another service (the demo receiver moves with each start). */
  boolean updateBaseUrl(String name, java.net.URI baseUrl);

  /**
   * Changes a namespace's base URL, environment and alert webhook; its headers, signing secret
   * and tokens stay as they are.
   *
   * @return false when there is no such namespace
   */
  boolean update(Namespace namespace);

  List<Namespace> list();

  /** The signing secret, for delivery and for verifying completion callbacks. */
  Optional<String> signingSecret(String name);

  /** The namespace whose token has this hash, if any. */
  Optional<String> namespaceOfToken(String tokenHash);
}
