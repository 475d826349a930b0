package cn.gov.jx.majorprojects.notifications.client.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.delivery.DeliveryFailure;
import cn.gov.jx.majorprojects.notifications.delivery.OutboundMessage;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The e-mail channel against a real SMTP server on a socket. */
class MailGatewayTests {

  TinySmtpServer smtp;
  MailGateway gateway;

  @BeforeEach
  void start() throws Exception {
    smtp = new TinySmtpServer();
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("localhost");
    sender.setPort(smtp.port());
    sender.setDefaultEncoding("UTF-8");
    Properties p = new Properties();
    p.put("mail.smtp.timeout", "1000");
    p.put("mail.smtp.connectiontimeout", "1000");
    sender.setJavaMailProperties(p);
    gateway =
        new MailGateway(
            sender,
            new NotificationProperties(
                null,
                null,
                null,
                null,
                new NotificationProperties.Mail(true, "mp@example.cn"),
                null));
  }

  @AfterEach
  void stop() throws Exception {
    smtp.close();
  }

  @Test
  void sendsAChineseMessageToTheRecipient() throws Exception {
    gateway.send(
        new OutboundMessage(
            "coord.nc@example.cn", null, "【JX-2026-000123】问题已提级", "问题已提级\n/issues/i1"));

    assertThat(smtp.received()).hasSize(1);
    var message = smtp.received().get(0);
    assertThat(message.recipients()).containsExactly("coord.nc@example.cn");
    MimeMessage parsed =
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(message.data().getBytes(StandardCharsets.UTF_8)));
    assertThat(parsed.getFrom()[0].toString()).isEqualTo("mp@example.cn");
    assertThat(parsed.getSubject()).isEqualTo("【JX-2026-000123】问题已提级");
    assertThat(parsed.getContent().toString()).contains("/issues/i1");
  }

  @Test
  void aRefusingServerIsADeliveryFailure() {
    smtp.refuse(true);
    assertThatThrownBy(() -> gateway.send(new OutboundMessage("a@example.cn", null, "s", "b")))
        .isInstanceOf(DeliveryFailure.class)
        .hasMessageContaining("SMTP");
    assertThat(smtp.received()).isEmpty();
  }

  @Test
  void aStallingServerTimesOutAsADeliveryFailure() {
    smtp.stall(6000);
    long start = System.nanoTime();
    assertThatThrownBy(() -> gateway.send(new OutboundMessage("a@example.cn", null, "s", "b")))
        .isInstanceOf(DeliveryFailure.class);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
  }
}
