package cn.gov.jx.majorprojects.projects.client.notification;

import cn.gov.jx.majorprojects.support.client.ServiceTokenFeignConfiguration;
import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** notification-service, contract 3: one event per call; 202 new, 200 already ingested. */
@FeignClient(
    name = "notification-service",
    url = "${projects.notification-url}",
    configuration = ServiceTokenFeignConfiguration.class)
public interface NotificationClient {

  @PostMapping("/internal/events")
  void send(@RequestBody Map<String, Object> event);
}
