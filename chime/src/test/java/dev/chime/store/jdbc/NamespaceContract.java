package dev.chime.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chime.schedule.Namespace;
import dev.chime.store.Conflict;
import dev.chime.store.NamespaceStore;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Namespaces: unique names, headers kept, secrets and token hashes only through their methods. */
interface NamespaceContract extends StoreFixture {

  @Test
  default void create_thenFindAndList_returnTheNamespaceWithItsHeaders() {
    Namespace billing = new Namespace("billing", URI.create("https://billing.internal:8443/hooks"),
        Namespace.Environment.SANDBOX, Map.of("X-Cron-Token", "t0ken", "X-Team", "payments"));
    Namespace audit = new Namespace("audit", URI.create("http://audit"),
        Namespace.Environment.PRODUCTION, Map.of());
    namespaces().create(billing, "whsec-billing", "hash-billing");
    namespaces().create(audit, "whsec-audit", "hash-audit");

    assertThat(namespaces().find("billing")).contains(billing);
    assertThat(namespaces().find("audit")).contains(audit);
    assertThat(namespaces().find("payroll")).isEmpty();
    assertThat(namespaces().list()).containsExactly(audit, billing);
  }

  @Test
  default void updateBaseUrl_movesOnlyThatNamespace() {
    namespace("billing");
    namespace("audit");

    assertThat(namespaces().updateBaseUrl("billing", URI.create("http://127.0.0.1:9001")))
        .isTrue();
    assertThat(namespaces().updateBaseUrl("payroll", URI.create("http://x"))).isFalse();
    assertThat(namespaces().find("billing").orElseThrow().baseUrl())
        .isEqualTo(URI.create("http://127.0.0.1:9001"));
    assertThat(namespaces().find("audit")).contains(Samples.namespace("audit"));
  }

  @Test
  default void create_aNameTaken_isAConflict_andKeepsTheFirst() {
    namespace("billing");
    Namespace again = new Namespace("billing", URI.create("https://elsewhere"),
        Namespace.Environment.SANDBOX, Map.of());

    assertThatThrownBy(() -> namespaces().create(again, "other-secret", "other-hash"))
        .isInstanceOf(Conflict.class)
        .hasMessage("namespace \"billing\" already exists");
    assertThat(namespaces().find("billing")).contains(Samples.namespace("billing"));
    assertThat(namespaces().signingSecret("billing")).contains("secret-billing");
    assertThat(namespaces().namespaceOfToken("other-hash")).isEmpty();
  }

  @Test
  default void secretAndTokenHash_comeBackOnlyThroughTheirOwnMethods() {
    namespaces().create(Samples.namespace("billing"), "whsec-5f2a", "sha256:9c1d");

    assertThat(namespaces().signingSecret("billing")).contains("whsec-5f2a");
    assertThat(namespaces().namespaceOfToken("sha256:9c1d")).contains("billing");
    assertThat(namespaces().namespaceOfToken("sha256:0000")).isEmpty();
    assertThat(namespaces().signingSecret("payroll")).isEmpty();
    assertThat(namespaces().find("billing").orElseThrow().toString())
        .doesNotContain("whsec-5f2a", "sha256:9c1d");
  }

  @Test
  default void create_withATokenHashInUse_isAConflict_andCreatesNothing() {
    namespaces().create(Samples.namespace("billing"), "secret-1", "sha256:shared");

    assertThatThrownBy(
            () -> namespaces().create(Samples.namespace("audit"), "secret-2", "sha256:shared"))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("token");
    assertThat(namespaces().find("audit")).isEmpty();
    assertThat(namespaces().namespaceOfToken("sha256:shared")).contains("billing");
  }

  @Test
  default void create_withABlankSecretOrTokenHash_isRejectedNamingIt_andCreatesNothing() {
    assertThatThrownBy(() -> namespaces().create(Samples.namespace("billing"), " ", "hash"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("signingSecret ");
    assertThatThrownBy(() -> namespaces().create(Samples.namespace("billing"), "secret", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tokenHash ");
    assertThat(namespaces().list()).isEmpty();
  }

  private NamespaceStore namespaces() {
    return store().namespaces();
  }
}
