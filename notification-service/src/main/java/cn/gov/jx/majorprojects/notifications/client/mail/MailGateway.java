package cn.gov.jx.majorprojects.notifications.client.mail;

import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.delivery.Channel;
import cn.gov.jx.majorprojects.notifications.delivery.ChannelSender;
import cn.gov.jx.majorprojects.notifications.delivery.DeliveryFailure;
import cn.gov.jx.majorprojects.notifications.delivery.OutboundMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail over SMTP (server, port and timeouts under {@code spring.mail.*}). */
@Component
class MailGateway implements ChannelSender {

  private final JavaMailSender mail;
  private final String from;

  MailGateway(JavaMailSender mail, NotificationProperties properties) {
    this.mail = mail;
    this.from = properties.mail().from();
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public void send(OutboundMessage message) {
    SimpleMailMessage m = new SimpleMailMessage();
    m.setFrom(from);
    m.setTo(message.address());
    m.setSubject(message.subject());
    m.setText(message.body());
    try {
      mail.send(m);
    } catch (MailException e) {
      throw new DeliveryFailure("SMTP: " + e.getMessage(), e);
    }
  }
}
