package dev.chime.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chime.schedule.Invalid;
import dev.chime.testing.FakeClock;
import dev.chime.testing.Receiver;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Link-local and cloud metadata addresses are refused unless an operator allows them (§9). */
class AddressPolicyTest {
  private final AddressPolicy standard = AddressPolicy.standard();

  private static List<InetAddress> ip(String literal) throws Exception {
    return List.of(InetAddress.getByName(literal));
  }

  @Test
  void metadataAddresses_areRefused_namingTheAddressAndHowToAllowIt() throws Exception {
    assertThat(standard.refusal("169.254.169.254", ip("169.254.169.254"))).contains(
        "refused to call 169.254.169.254: a cloud metadata address (an operator can allow it"
            + " with --allow-address 169.254.169.254)");
    assertThat(standard.refusal("100.100.100.200", ip("100.100.100.200"))).isPresent();
    assertThat(standard.refusal("fd00:ec2::254", ip("fd00:ec2::254")).orElseThrow())
        .contains("a cloud metadata address");
  }

  @Test
  void aNameResolvingToMetadata_isRefused_namingBoth() throws Exception {
    assertThat(standard.refusal("sneaky.example.com", ip("169.254.169.254")).orElseThrow())
        .startsWith("refused to call 169.254.169.254 (sneaky.example.com): a cloud metadata");
  }

  @Test
  void metadataNames_areRefusedBeforeResolving() {
    assertThat(standard.refusal("metadata.google.internal", List.of())).contains(
        "refused to call metadata.google.internal: a cloud metadata host name (an operator can"
            + " allow it with --allow-address metadata.google.internal)");
    assertThat(standard.refusal("METADATA.", List.of())).isPresent();
    assertThat(standard.refusal("metadata.example.com", List.of())).isEmpty();
  }

  @Test
  void linkLocal_isRefused_inBothFamilies_andHiddenInIpv6Forms() throws Exception {
    assertThat(standard.refusal("169.254.10.20", ip("169.254.10.20")).orElseThrow())
        .contains("a link-local address");
    assertThat(standard.refusal("[fe80::1]", ip("fe80::1")).orElseThrow())
        .contains("a link-local address");
    assertThat(standard.refusal("[::ffff:169.254.169.254]", ip("::ffff:169.254.169.254")))
        .isPresent();
    assertThat(standard.refusal("[64:ff9b::a9fe:a9fe]", ip("64:ff9b::a9fe:a9fe"))).isPresent();
  }

  @Test
  void loopbackPrivateAndPublicAddresses_areAllowed() throws Exception {
    for (String allowed : List.of("127.0.0.1", "::1", "10.1.2.3", "192.168.0.10", "172.16.5.4",
        "fd12:3456::1", "100.64.0.1", "8.8.8.8", "169.253.255.255", "169.255.0.0")) {
      assertThat(standard.refusal(allowed, ip(allowed))).as(allowed).isEmpty();
    }
  }

  @Test
  void aHostWithOneRefusedAddressAmongSeveral_isRefused() throws Exception {
    List<InetAddress> both = List.of(InetAddress.getByName("10.0.0.1"),
        InetAddress.getByName("169.254.169.254"));

    assertThat(standard.refusal("mixed.example.com", both)).isPresent();
  }

  @Test
  void allowing_anAddressOrRange_letsItThrough_andNothingElse() throws Exception {
    AddressPolicy metadataOnly = AddressPolicy.allowing("169.254.169.254");
    AddressPolicy linkLocal = AddressPolicy.allowing("169.254.0.0/16", "fe80::/10");

    assertThat(metadataOnly.refusal("169.254.169.254", ip("169.254.169.254"))).isEmpty();
    assertThat(metadataOnly.refusal("169.254.10.20", ip("169.254.10.20"))).isPresent();
    assertThat(linkLocal.refusal("169.254.10.20", ip("169.254.10.20"))).isEmpty();
    assertThat(linkLocal.refusal("[fe80::1]", ip("fe80::1"))).isEmpty();
    assertThat(linkLocal.refusal("100.100.100.200", ip("100.100.100.200"))).isPresent();
  }

  @Test
  void allowing_aName_allowsItWhereverItResolves() throws Exception {
    AddressPolicy policy = AddressPolicy.allowing("metadata.google.internal");

    assertThat(policy.refusal("metadata.google.internal", ip("169.254.169.254"))).isEmpty();
    assertThat(policy.refusal("metadata", List.of())).isPresent();
  }

  @Test
  void allowing_badEntries_isInvalid_namingEachOne() {
    assertThatThrownBy(() -> AddressPolicy.allowing("169.254.0.0/33", "300.1.1.1", "no spaces"))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).problems()).extracting(Invalid.Problem::field)
            .containsExactly("allowAddress[0]", "allowAddress[1]", "allowAddress[2]"))
        .hasMessageContaining("prefix length after / must be 0 to 32")
        .hasMessageContaining("\"300.1.1.1\" has a part above 255");
  }

  @Test
  void dispatcher_refusesBeforeConnecting_aFailedOutcomeNamingTheAddress() throws Exception {
    FakeClock clock = FakeClock.at("2026-01-15T07:00:00Z");
    try (Receiver receiver = Receiver.start();
        Dispatcher dispatcher = new Dispatcher(DeliveryConfig.DEFAULTS, clock,
            new LiveLogs(clock))) {
      int port = receiver.url("/").getPort();
      for (String url : List.of("http://169.254.169.254/latest/meta-data/",
          "http://[fe80::1]:8080/job", "http://link-local.chime.test/job",
          "http://metadata-alias.chime.test/latest/meta-data/",
          // resolves to the receiver on loopback in tests: refused by its name alone
          "http://metadata.google.internal:" + port + "/computeMetadata/v1/")) {
        Delivered delivered = dispatcher.send(Callbacks.to(URI.create(url)))
            .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(delivered.outcome()).as(url).isInstanceOf(Outcome.Failed.class);
        assertThat(delivered.attempt().error()).as(url)
            .startsWith("refused to call").contains("--allow-address");
      }
      assertThat(receiver.pending()).isEmpty();
    }
  }

  @Test
  void dispatcher_callsAnAllowedMetadataHost() throws Exception {
    FakeClock clock = FakeClock.at("2026-01-15T07:00:00Z");
    DeliveryConfig config = new DeliveryConfig(4, 2,
        AddressPolicy.allowing("metadata.google.internal"));
    try (Receiver receiver = Receiver.start();
        Dispatcher dispatcher = new Dispatcher(config, clock, new LiveLogs(clock))) {
      URI url = URI.create("http://metadata.google.internal:" + receiver.url("/").getPort()
          + "/computeMetadata/v1/");
      Delivered delivered = dispatcher.send(Callbacks.to(url)).toCompletableFuture()
          .get(5, TimeUnit.SECONDS);

      assertThat(delivered.outcome()).isEqualTo(new Outcome.Succeeded());
      assertThat(receiver.next().path()).isEqualTo("/computeMetadata/v1/");
    }
  }

  @Test
  void standard_describesItself() {
    assertThat(AddressPolicy.standard()).hasToString("AddressPolicy[standard]");
    assertThat(AddressPolicy.allowing("metadata")).hasToString(
        "AddressPolicy[standard, allowing [metadata]]");
  }
}
