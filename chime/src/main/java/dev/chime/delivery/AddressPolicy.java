package dev.chime.delivery;

import dev.chime.schedule.Invalid;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides which hosts and resolved addresses callbacks may go to (SPEC §9). A base URL is
 * chosen by a namespace's owner, so without this anyone who can create a namespace could make
 * Chime call the cloud's metadata service and read its credentials back in the response excerpt.
 *
 * <p>{@link #standard()} refuses link-local addresses (169.254.0.0/16, fe80::/10), the cloud
 * metadata addresses (169.254.169.254, fd00:ec2::254, 100.100.100.200) and the metadata host
 * names ({@code metadata.google.internal}, {@code metadata}). Loopback and private ranges are
 * allowed: receivers often run beside Chime. {@link #allowing} makes exceptions for an operator
 * who really means to call one of these.
 */
public final class AddressPolicy {
  /** How an operator allows an address; named in every refusal. */
  static final String ALLOW_OPTION = "--allow-address";

  private record Refused(AddressRange range, String kind) {}

  private static final List<Refused> REFUSED = List.of(
      new Refused(AddressRange.parse("169.254.169.254"), "a cloud metadata address"),
      new Refused(AddressRange.parse("fd00:ec2::254"), "a cloud metadata address"),
      new Refused(AddressRange.parse("100.100.100.200"), "a cloud metadata address"),
      new Refused(AddressRange.parse("169.254.0.0/16"), "a link-local address"),
      new Refused(AddressRange.parse("fe80::/10"), "a link-local address"));
  private static final Set<String> REFUSED_NAMES = Set.of("metadata.google.internal", "metadata");
  private static final Pattern HOST_NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,62})(\\.[a-z0-9]([a-z0-9-]{0,62}))*");
  // IPv6 forms that carry an IPv4 address the packets may end up at: IPv4-compatible (::/96)
  // and the NAT64 well-known prefix. IPv4-mapped ones already arrive as IPv4 from InetAddress.
  private static final AddressRange COMPATIBLE = AddressRange.parse("::/96");
  private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");

  private static final AddressPolicy STANDARD = new AddressPolicy(List.of(), Set.of());

  private final List<AddressRange> allowedRanges;
  private final Set<String> allowedNames;

  private AddressPolicy(List<AddressRange> allowedRanges, Set<String> allowedNames) {
    this.allowedRanges = List.copyOf(allowedRanges);
    this.allowedNames = Set.copyOf(allowedNames);
  }

  /** Refuses link-local and cloud metadata addresses and names; allows everything else. */
  public static AddressPolicy standard() {
    return STANDARD;
  }

  /** {@link #standard()} with exceptions; see {@link #allowing(Collection)}. */
  public static AddressPolicy allowing(String... entries) {
    return allowing(Arrays.asList(entries));
  }

  /**
   * {@link #standard()} with exceptions. Each entry is an address ({@code 169.254.169.254}), a
   * CIDR range ({@code 169.254.0.0/16}, {@code fe80::/10}) or a host name ({@code metadata}); a
   * host name allowed by name may resolve to any address.
   *
   * @throws Invalid naming each entry that is none of these
   */
  public static AddressPolicy allowing(Collection<String> entries) {
    List<AddressRange> ranges = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    List<Invalid.Problem> problems = new ArrayList<>();
    int i = 0;
    for (String entry : entries) {
      String field = "allowAddress[" + i++ + "]";
      String text = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
      try {
        AddressRange range = AddressRange.parse(text);
        if (range != null) {
          ranges.add(range);
        } else if (HOST_NAME.matcher(hostName(text)).matches()) {
          names.add(hostName(text));
        } else {
          problems.add(new Invalid.Problem(field, "\"" + text + "\" is not an address, a CIDR"
              + " range such as 169.254.0.0/16, or a host name"));
        }
      } catch (IllegalArgumentException e) {
        problems.add(new Invalid.Problem(field, e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    return new AddressPolicy(ranges, names);
  }

  /**
   * Why a callback to {@code host} may not go to these addresses, or empty when it may. The
   * reason names the host, the address and how an operator allows it; a host is refused when
   * any of its addresses is, since the client may connect to any of them.
   *
   * @param host the URL's host as written (a name or a literal address)
   * @param addresses what it resolved to; empty to check the name alone, before resolving
   */
  public Optional<String> refusal(String host, List<InetAddress> addresses) {
    String name = hostName(host);
    if (allowedNames.contains(name)) {
      return Optional.empty();
    }
    if (REFUSED_NAMES.contains(name)) {
      return Optional.of("refused to call " + name + ": a cloud metadata host name (an operator"
          + " can allow it with " + ALLOW_OPTION + " " + name + ")");
    }
    for (InetAddress address : addresses) {
      Optional<String> kind = refusedKind(address);
      if (kind.isPresent()) {
        String shown = address.getHostAddress();
        String of = name.equals(literalForm(shown)) ? "" : " (" + name + ")";
        return Optional.of("refused to call " + shown + of + ": " + kind.get() + " (an operator"
            + " can allow it with " + ALLOW_OPTION + " " + literalForm(shown) + ")");
      }
    }
    return Optional.empty();
  }

  private Optional<String> refusedKind(InetAddress address) {
    for (InetAddress candidate : withEmbeddedIpv4(address)) {
      if (allowedRanges.stream().anyMatch(r -> r.contains(candidate))) {
        continue;
      }
      for (Refused refused : REFUSED) {
        if (refused.range().contains(candidate)) {
          return Optional.of(refused.kind());
        }
      }
    }
    return Optional.empty();
  }

  private static List<InetAddress> withEmbeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)
        || !(COMPATIBLE.contains(address) || NAT64.contains(address))) {
      return List.of(address);
    }
    byte[] bytes = address.getAddress();
    try {
      return List.of(address, InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  /** The host in lower case, without IPv6 brackets, a zone or a trailing dot. */
  private static String hostName(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    return literalForm(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
  }

  private static String literalForm(String address) {
    int zone = address.indexOf('%');
    return zone < 0 ? address : address.substring(0, zone);
  }

  @Override
  public String toString() {
    List<String> allowed = new ArrayList<>(allowedNames);
    allowedRanges.forEach(r -> allowed.add(r.text()));
    return allowed.isEmpty() ? "AddressPolicy[standard]"
        : "AddressPolicy[standard, allowing " + allowed + "]";
  }
}
