package cn.gov.jx.majorprojects.notifications.event;

/** Told of each applied event, in subject order (red-case reminders follow the issue this way). */
public interface RedCaseListener {

  void applied(InboundEvent event);
}
