package cn.gov.jx.majorprojects.notifications.client.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.delivery.DeliveryFailure;
import cn.gov.jx.majorprojects.notifications.delivery.OutboundMessage;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS channel against a provider on WireMock. */
class SmsGatewayTests {

  WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort());
  SmsGateway gateway;
  OutboundMessage message = new OutboundMessage("13800138000", null, "【JX-1】问题亮红灯", "body");

  @BeforeEach
  void start() {
    provider.start();
    gateway =
        new SmsGateway(
            new NotificationProperties(
                null,
                null,
                null,
                null,
                null,
                new NotificationProperties.Sms(
                    true,
                    provider.baseUrl() + "/sms/send",
                    "k-123",
                    "TPL_7",
                    Duration.ofSeconds(2))));
  }

  @AfterEach
  void stop() {
    provider.stop();
  }

  @Test
  void postsPhoneTemplateAndTextWithTheKey() {
    provider.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(200)));
    gateway.send(message);
    provider.verify(
        postRequestedFor(urlEqualTo("/sms/send"))
            .withHeader("X-Api-Key", equalTo("k-123"))
            .withRequestBody(
                equalToJson(
                    """
                    {"phone":"13800138000","template":"TPL_7","params":{"text":"【JX-1】问题亮红灯"}}""")));
  }

  @Test
  void aProviderErrorIsADeliveryFailure() {
    provider.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> gateway.send(message))
        .isInstanceOf(DeliveryFailure.class)
        .hasMessageContaining("503");
  }

  @Test
  void aSlowProviderTimesOutAsADeliveryFailure() {
    provider.stubFor(
        post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
    assertThatThrownBy(() -> gateway.send(message)).isInstanceOf(DeliveryFailure.class);
  }
}
