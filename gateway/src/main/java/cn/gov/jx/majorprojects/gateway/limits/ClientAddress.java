package cn.gov.jx.majorprojects.gateway.limits;

import cn.gov.jx.majorprojects.gateway.config.GatewayProperties;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The caller's address: the socket peer, or the last untrusted hop of {@code X-Forwarded-For} when
 * the peer is a configured proxy. A client cannot choose its own address by sending the header.
 */
@Component
public class ClientAddress {

  private final Pattern trusted;

  ClientAddress(GatewayProperties properties) {
    String regex = properties.trustedProxies();
    this.trusted = regex == null || regex.isBlank() ? null : Pattern.compile(regex);
  }

  public boolean isTrustedProxy(String address) {
    return trusted != null && address != null && trusted.matcher(address).matches();
  }

  public String of(ServerHttpRequest request) {
    String peer = peer(request);
    if (!isTrustedProxy(peer)) {
      return peer;
    }
    List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
    for (int i = forwarded.size() - 1; i >= 0; i--) {
      String hop = forwarded.get(i).trim();
      if (!isTrustedProxy(hop)) {
        return hop;
      }
    }
    return peer;
  }

  static String peer(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() == null
        ? remote.getHostString()
        : remote.getAddress().getHostAddress();
  }
}
