package cn.gov.jx.majorprojects.notifications.delivery;

/** Outside channels; the in-app inbox is not one of them (it is always written directly). */
public enum Channel {
  EMAIL,
  SMS,
  WEBHOOK
}
