package cn.gov.jx.majorprojects.projects.client.issue;

import cn.gov.jx.majorprojects.support.client.ServiceTokenFeignConfiguration;
import java.time.LocalDate;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * issue-service, contract 2: blocker figures of a region's subtree and its direct children; and the
 * working days of its calendar (the one calendar of the platform), for chasing missing reports.
 */
@FeignClient(
    name = "issue-service",
    url = "${projects.issue-url}",
    configuration = ServiceTokenFeignConfiguration.class)
public interface IssueClient {

  @GetMapping("/internal/coordination-stats")
  CoordinationStats coordinationStats(
      @RequestParam("regionCode") String regionCode, @RequestParam("year") int year);

  @GetMapping("/internal/working-days")
  WorkingDaysAnswer workingDays(
      @RequestParam("from") LocalDate from, @RequestParam("to") LocalDate to);
}
