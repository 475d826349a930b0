package cn.gov.jx.majorprojects.notifications.delivery;

/** Sends one message on one outside channel; any failure is a {@link DeliveryFailure}. */
public interface ChannelSender {

  Channel channel();

  void send(OutboundMessage message);
}
