package cn.gov.jx.majorprojects.notifications.client.sms;

import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.delivery.Channel;
import cn.gov.jx.majorprojects.notifications.delivery.ChannelSender;
import cn.gov.jx.majorprojects.notifications.delivery.DeliveryFailure;
import cn.gov.jx.majorprojects.notifications.delivery.OutboundMessage;
import java.net.http.HttpClient;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * SMS through an HTTP provider: {@code POST url} with JSON {@code {phone, template, params:{text}}}
 * and the key in {@code X-Api-Key}; any non-2xx answer, timeout or refused connection fails.
 */
@Component
class SmsGateway implements ChannelSender {

  private final RestClient rest;
  private final NotificationProperties.Sms settings;

  SmsGateway(NotificationProperties properties) {
    this.settings = properties.sms();
    var http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    var factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(settings.timeout());
    this.rest = RestClient.builder().requestFactory(factory).build();
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public void send(OutboundMessage message) {
    if (settings.url() == null || settings.url().isBlank()) {
      throw new DeliveryFailure("SMS gateway URL not configured");
    }
    try {
      rest.post()
          .uri(settings.url())
          .contentType(MediaType.APPLICATION_JSON)
          .header("X-Api-Key", settings.apiKey() == null ? "" : settings.apiKey())
          .body(
              Map.of(
                  "phone", message.address(),
                  "template", settings.template(),
                  "params", Map.of("text", message.subject())))
          .retrieve()
          .onStatus(
              status -> !status.is2xxSuccessful(),
              (request, response) -> {
                throw new DeliveryFailure("SMS gateway answered " + response.getStatusCode());
              })
          .toBodilessEntity();
    } catch (RestClientException e) {
      throw new DeliveryFailure("SMS gateway: " + e.getMessage(), e);
    }
  }
}
