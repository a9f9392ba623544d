package dev.chime.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** A CIDR block such as {@code 169.254.0.0/16} or {@code fe80::/10}. */
record AddressRange(byte[] network, int prefix, String text) {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /**
   * Parses {@code 10.0.0.0/8}, {@code fd00:ec2::254} (a single address) and the like; null when
   * the text is not a literal address, so the caller can treat it as a host name.
   *
   * @throws IllegalArgumentException when it looks like an address but is not a valid one
   */
  static AddressRange parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    if (!IPV4.matcher(address).matches() && !address.contains(":")) {
      if (slash >= 0) {
        throw new IllegalArgumentException("\"" + address + "\" is not an IP address");
      }
      return null;
    }
    byte[] bytes = literal(address);
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("the prefix length after / must be 0 to " + bits);
      }
    }
    return new AddressRange(bytes, prefix, text);
  }

  /** Whether the address lies in this block (an IPv4 address never lies in an IPv6 block). */
  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (bytes[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (bytes[whole] & mask) == (network[whole] & mask);
  }

  // Only literals reach here (checked above), so InetAddress never asks DNS.
  private static byte[] literal(String address) {
    if (address.contains(":") && address.contains("%")) {
      throw new IllegalArgumentException("\"" + address + "\" has a zone; leave it out");
    }
    if (!address.contains(":") && !validOctets(address)) {
      // Checked first: InetAddress would take 300.1.1.1 for a host name and ask DNS.
      throw new IllegalArgumentException("\"" + address + "\" has a part above 255");
    }
    try {
      InetAddress parsed = InetAddress.getByName(address);
      if (address.contains(":") && parsed instanceof Inet4Address) {
        throw new IllegalArgumentException("\"" + address + "\" is an IPv4-mapped address;"
            + " write the IPv4 form");
      }
      if (!(parsed instanceof Inet4Address) && !(parsed instanceof Inet6Address)) {
        throw new IllegalArgumentException("\"" + address + "\" is not an IP address");
      }
      return parsed.getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("\"" + address + "\" is not a valid IP address");
    }
  }

  private static boolean validOctets(String address) {
    for (String part : address.split("\\.")) {
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }
}
