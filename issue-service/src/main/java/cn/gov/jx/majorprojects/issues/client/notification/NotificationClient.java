package cn.gov.jx.majorprojects.issues.client.notification;

import cn.gov.jx.majorprojects.support.client.ServiceTokenFeignConfiguration;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** notification-service's event intake (contract 3); any non-2xx answer is an exception. */
@FeignClient(
    name = "notification-service",
    url = "${issues.notification-service-url}",
    configuration = ServiceTokenFeignConfiguration.class)
public interface NotificationClient {

  @PostMapping("/internal/events")
  void send(@RequestBody Object event);
}
