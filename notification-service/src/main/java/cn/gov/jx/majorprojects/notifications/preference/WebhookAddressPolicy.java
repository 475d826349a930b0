package cn.gov.jx.majorprojects.notifications.preference;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a webhook may point: https only, and never to loopback, link-local (incl. cloud metadata),
 * private, CGNAT, multicast or unspecified addresses after DNS resolution, unless the operator
 * lists the host.
 */
public class WebhookAddressPolicy {

  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Set<String> allowedHosts;
  private final Resolver resolver;

  WebhookAddressPolicy(Set<String> allowedHosts, Resolver resolver) {
    this.allowedHosts = allowedHosts;
    this.resolver = resolver;
  }

  /** The policy with the operator's allowed hosts, resolving names through the system's DNS. */
  public static WebhookAddressPolicy of(java.util.Collection<String> allowedHosts) {
    return new WebhookAddressPolicy(
        allowedHosts.stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toSet()),
        InetAddress::getAllByName);
  }

  /** Why the URL is refused, or empty when it may be used. */
  Optional<String> problem(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.of("must be a valid URL");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      return Optional.of("must be an https URL");
    }
    if (uri.getUserInfo() != null) {
      return Optional.of("must not carry credentials");
    }
    return hostProblem(uri);
  }

  /** Why the URL's host may not be called (again at send time: its DNS may have changed). */
  public Optional<String> hostProblem(URI uri) {
    if (uri.getHost() == null) {
      return Optional.of("has no host");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (allowedHosts.contains(host)) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    try {
      addresses =
          resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      return Optional.of("host does not resolve");
    }
    for (InetAddress address : addresses) {
      if (internal(address)) {
        return Optional.of("must not point to an internal address");
      }
    }
    return Optional.empty();
  }

  static boolean internal(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      // unique local fc00::/7, and IPv4-mapped addresses judged as IPv4
      if ((b[0] & 0xfe) == 0xfc) {
        return true;
      }
      return false;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 || (first == 100 && second >= 64 && second <= 127) || first >= 240;
  }
}
