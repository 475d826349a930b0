package cn.gov.jx.majorprojects.notifications.client.webhook;

import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.delivery.Channel;
import cn.gov.jx.majorprojects.notifications.delivery.ChannelSender;
import cn.gov.jx.majorprojects.notifications.delivery.DeliveryFailure;
import cn.gov.jx.majorprojects.notifications.delivery.OutboundMessage;
import cn.gov.jx.majorprojects.notifications.preference.WebhookAddressPolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DingTalk-style group robot: JSON text message; with a secret the URL gets {@code timestamp} (ms)
 * and {@code sign} = URL-encoded Base64(HMAC-SHA256(key = secret, "timestamp\nsecret")). Redirects
 * are not followed; a non-2xx answer or a non-zero {@code errcode} fails.
 */
@Component
class WebhookRobot implements ChannelSender {

  private final RestClient rest;
  private final Clock clock;
  private final WebhookAddressPolicy addresses;

  WebhookRobot(NotificationProperties properties, Clock clock) {
    var http =
        HttpClient.newBuilder()
            .connectTimeout(properties.webhook().timeout())
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    var factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(properties.webhook().timeout());
    this.rest = RestClient.builder().requestFactory(factory).build();
    this.clock = clock;
    this.addresses = WebhookAddressPolicy.of(properties.webhook().allowedHosts());
  }

  @Override
  public Channel channel() {
    return Channel.WEBHOOK;
  }

  @Override
  public void send(OutboundMessage message) {
    String url = message.address();
    addresses
        .hostProblem(java.net.URI.create(url))
        .ifPresent(
            problem -> {
              throw new DeliveryFailure("webhook address refused: " + problem);
            });
    if (message.secret() != null && !message.secret().isBlank()) {
      long timestamp = clock.millis();
      url +=
          (url.contains("?") ? "&" : "?")
              + "timestamp="
              + timestamp
              + "&sign="
              + URLEncoder.encode(sign(timestamp, message.secret()), StandardCharsets.UTF_8);
    }
    String answer;
    try {
      answer =
          rest.post()
              .uri(java.net.URI.create(url))
              .contentType(MediaType.APPLICATION_JSON)
              .body(Map.of("msgtype", "text", "text", Map.of("content", message.body())))
              .retrieve()
              .onStatus(
                  status -> !status.is2xxSuccessful(),
                  (request, response) -> {
                    throw new DeliveryFailure("webhook answered " + response.getStatusCode());
                  })
              .body(String.class);
    } catch (RestClientException e) {
      throw new DeliveryFailure("webhook: " + e.getMessage(), e);
    }
    // DingTalk and WeCom answer 200 with a non-zero errcode when they refuse a message
    if (answer != null && answer.trim().startsWith("{")) {
      JsonNode json = JsonMapper.shared().readTree(answer);
      int code = json.path("errcode").asInt(0);
      if (code != 0) {
        throw new DeliveryFailure(
            "webhook errcode " + code + ": " + json.path("errmsg").asString(""));
      }
    }
  }

  static String sign(long timestamp, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
