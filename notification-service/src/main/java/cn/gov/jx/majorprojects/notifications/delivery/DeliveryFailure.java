package cn.gov.jx.majorprojects.notifications.delivery;

/** A provider refused, timed out or could not be reached; the delivery is tried again later. */
public class DeliveryFailure extends RuntimeException {

  public DeliveryFailure(String message, Throwable cause) {
    super(message, cause);
  }

  public DeliveryFailure(String message) {
    super(message);
  }
}
