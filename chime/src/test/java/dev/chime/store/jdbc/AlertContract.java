package dev.chime.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chime.schedule.Namespace;
import dev.chime.store.AlertStore;
import dev.chime.store.AlertStore.Admission;
import dev.chime.store.AlertStore.Failing;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Alert state: one alert per schedule and condition per window, shared by replicas; failing
 * marks that a success clears once.
 */
interface AlertContract extends StoreFixture {
  Duration WINDOW = Duration.ofMinutes(10);

  private AlertStore alerts() {
    return store().alerts();
  }

  @Test
  default void webhooks_listOnlyNamespacesThatHaveOne() {
    namespace("audit");
    URI hook = URI.create("https://hooks.slack.com/services/T0/B0/secret?x=1");
    store().namespaces().create(Samples.namespace("billing").withAlertWebhook(hook), "s", "h");

    assertThat(alerts().webhooks()).containsExactly(java.util.Map.entry("billing", hook));
  }

  @Test
  default void admit_sendsTheFirst_thenHoldsBackTheSameConditionForTheWindow() {
    namespace("billing");
    schedule("billing", "sync", Samples.T0);
    Instant t = Samples.T0;

    assertThat(alerts().admit("billing", "sync", "failed", t, WINDOW))
        .isEqualTo(new Admission(true, 0));
    assertThat(alerts().admit("billing", "sync", "failed", t.plusSeconds(60), WINDOW))
        .isEqualTo(new Admission(false, 1));
    assertThat(alerts().admit("billing", "sync", "failed", t.plus(Duration.ofMinutes(9)), WINDOW))
        .isEqualTo(new Admission(false, 2));
    // Another condition, or another schedule, has a window of its own.
    assertThat(alerts().admit("billing", "sync", "missed", t.plusSeconds(60), WINDOW))
        .isEqualTo(new Admission(true, 0));
    schedule("billing", "report", Samples.T0);
    assertThat(alerts().admit("billing", "report", "failed", t.plusSeconds(60), WINDOW))
        .isEqualTo(new Admission(true, 0));
    // The window ends ten minutes after the alert that was sent, not after the last held back;
    // the one sent then says how many were held back.
    assertThat(alerts().admit("billing", "sync", "failed", t.plus(WINDOW), WINDOW))
        .isEqualTo(new Admission(true, 2));
    assertThat(alerts().admit("billing", "sync", "failed", t.plus(WINDOW).plusSeconds(1),
        WINDOW)).isEqualTo(new Admission(false, 1));
  }

  @Test
  default void admit_isSharedByReplicas() {
    namespace("billing");
    schedule("billing", "sync", Samples.T0);
    AlertStore other = openAnother().alerts();

    assertThat(alerts().admit("billing", "sync", "failed", Samples.T0, WINDOW).send()).isTrue();
    assertThat(other.admit("billing", "sync", "failed", Samples.T0.plusSeconds(1), WINDOW)
        .send()).isFalse();
  }

  @Test
  default void admit_forAScheduleThatDoesNotExist_neverSends() {
    namespace("billing");

    assertThat(alerts().admit("billing", "gone", "failed", Samples.T0, WINDOW))
        .isEqualTo(new Admission(false, 0));
  }

  @Test
  default void failing_isMarkedOnce_andClearedOnce_reportingWhenItBegan() {
    namespace("billing");
    schedule("billing", "sync", Samples.T0);
    Instant first = Samples.T0.plusSeconds(30);

    assertThat(alerts().clearFailing("billing", "sync")).isEmpty();
    assertThat(alerts().markFailing("billing", "sync", "run-1", first)).isTrue();
    assertThat(alerts().markFailing("billing", "sync", "run-2", first.plusSeconds(60))).isFalse();
    assertThat(openAnother().alerts().clearFailing("billing", "sync"))
        .contains(new Failing(first, "run-1"));
    assertThat(alerts().clearFailing("billing", "sync")).isEmpty();
    assertThat(alerts().markFailing("billing", "gone", "run-3", first)).isFalse();
  }

  @Test
  default void deletingASchedule_forgetsItsAlertState() {
    namespace("billing");
    schedule("billing", "sync", Samples.T0);
    alerts().admit("billing", "sync", "failed", Samples.T0, WINDOW);
    alerts().markFailing("billing", "sync", "run-1", Samples.T0);

    store().schedules().delete("billing", "sync");
    schedule("billing", "sync", Samples.T0);

    assertThat(alerts().clearFailing("billing", "sync")).isEmpty();
    assertThat(alerts().admit("billing", "sync", "failed", Samples.T0.plusSeconds(1), WINDOW)
        .send()).isTrue();
  }

  @Test
  default void namespaceUpdate_changesBaseUrlEnvironmentAndWebhook_keepingHeadersAndSecrets() {
    Namespace billing = namespace("billing");
    Namespace changed = new Namespace("billing", URI.create("https://billing.example.com"),
        Namespace.Environment.SANDBOX, billing.headers(),
        URI.create("https://hooks.example.com/alerts"));

    assertThat(store().namespaces().update(changed)).isTrue();
    assertThat(store().namespaces().find("billing")).contains(changed);
    assertThat(store().namespaces().signingSecret("billing")).contains("secret-billing");
    assertThat(store().namespaces().update(changed.withAlertWebhook(null))).isTrue();
    assertThat(store().namespaces().find("billing").orElseThrow().alertWebhook()).isNull();
    assertThat(store().namespaces().update(Samples.namespace("payroll"))).isFalse();
  }
}
