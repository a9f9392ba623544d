package dev.chime.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Host names for tests, installed as the test JVM's resolver (META-INF/services), so delivery's
 * address checks run against real lookups while every connection stays on loopback. Names under
 * {@code .chime.test} never reach DNS; {@code metadata.google.internal} stands on loopback, so a
 * test can show it is refused by name, or reached when allowed. Other names resolve as usual.
 */
public final class TestHosts extends InetAddressResolverProvider {
  private static final Map<String, String> HOSTS = Map.of(
      "metadata.google.internal", "127.0.0.1",
      "metadata-alias.chime.test", "169.254.169.254",
      "link-local.chime.test", "169.254.10.20",
      "receiver.chime.test", "127.0.0.1");

  @Override
  public InetAddressResolver get(Configuration configuration) {
    InetAddressResolver builtin = configuration.builtinResolver();
    return new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy policy)
          throws UnknownHostException {
        String address = HOSTS.get(host.toLowerCase(java.util.Locale.ROOT));
        if (address != null) {
          return Stream.of(InetAddress.getByAddress(host, InetAddress.getByName(address)
              .getAddress()));
        }
        if (host.toLowerCase(java.util.Locale.ROOT).endsWith(".chime.test")) {
          throw new UnknownHostException(host + ": unknown test host");
        }
        return builtin.lookupByName(host, policy);
      }

      @Override
      public String lookupByAddress(byte[] address) throws UnknownHostException {
        return builtin.lookupByAddress(address);
      }
    };
  }

  @Override
  public String name() {
    return "chime-test-hosts";
  }
}
