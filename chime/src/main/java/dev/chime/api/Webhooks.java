package dev.chime.api;

import dev.chime.delivery.AddressPolicy;
import dev.chime.schedule.Endpoints;
import dev.chime.schedule.Invalid;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks an alert webhook as it arrives: its shape (an http(s) URL), and the address policy of
 * callbacks for what can be told without a lookup — a literal address or a metadata host name.
 * Names are resolved and checked again when an alert is sent, as callbacks are.
 */
final class Webhooks {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Webhooks() {}

  static URI check(String field, String url, AddressPolicy addresses) {
    URI uri = Endpoints.checkWebhookUrl(field, url);
    String host = uri.getHost();
    addresses.refusal(host, literal(host)).ifPresent(reason -> {
      throw Invalid.of(field, reason);
    });
    return uri;
  }

  /** The address a literal host stands for (no lookup happens for one); empty for a name. */
  private static List<InetAddress> literal(String host) {
    boolean v6 = host.startsWith("[") && host.endsWith("]");
    if (!v6 && !IPV4.matcher(host).matches()) {
      return List.of();
    }
    try {
      return List.of(InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host));
    } catch (UnknownHostException e) {
      return List.of();
    }
  }
}
