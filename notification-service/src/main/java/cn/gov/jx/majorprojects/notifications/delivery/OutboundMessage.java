package cn.gov.jx.majorprojects.notifications.delivery;

/**
 * What a channel sends: to an address (e-mail, phone or robot URL), a subject line, a body, and the
 * robot's signing secret for webhooks.
 */
public record OutboundMessage(String address, String secret, String subject, String body) {}
