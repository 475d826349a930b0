package cn.gov.jx.majorprojects.issues.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy.CaseDeadlines;
import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy.ResolveDays;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationPolicyTests {

  static Instant sh(String t) {
    return LocalDateTime.parse(t).atZone(WorkingCalendar.ZONE).toInstant();
  }

  @ParameterizedTest(name = "{0} {1}: {2} working days")
  @CsvSource({
    "COUNTY, NORMAL, 5",
    "COUNTY, URGENT, 2",
    "CITY, NORMAL, 10",
    "CITY, URGENT, 5",
    "PROVINCE, NORMAL, 15",
    "PROVINCE, URGENT, 7",
  })
  void defaultsFollowTheIssue(RegionLevel level, Urgency urgency, int days) {
    EscalationPolicy policy = EscalationPolicy.defaults();
    assertThat(policy.version()).isEqualTo(1);
    assertThat(policy.acceptWorkingDays()).isEqualTo(1);
    assertThat(policy.resolveDays(level, urgency)).isEqualTo(days);
  }

  @Test
  void deadlinesOfACaseArrivingAtCountyLevel() {
    CaseDeadlines d =
        EscalationPolicy.defaults()
            .deadlinesFor(
                WorkingCalendar.weekendsOnly(),
                RegionLevel.COUNTY,
                Urgency.NORMAL,
                sh("2026-03-02T10:00"));
    assertThat(d.acceptDueAt()).isEqualTo(sh("2026-03-03T23:59:59"));
    assertThat(d.dueAt()).isEqualTo(sh("2026-03-09T23:59:59"));
  }

  @Test
  void urgentCityCaseGetsFiveDays() {
    CaseDeadlines d =
        EscalationPolicy.defaults()
            .deadlinesFor(
                WorkingCalendar.weekendsOnly(),
                RegionLevel.CITY,
                Urgency.URGENT,
                sh("2026-03-06T10:00"));
    assertThat(d.dueAt()).isEqualTo(sh("2026-03-13T23:59:59"));
  }

  @Test
  void defaultsAreValid() {
    assertThat(EscalationPolicy.defaults().problems()).isEmpty();
  }

  @Test
  void zeroDaysMissingLevelsAndUrgentLongerThanNormalAreRefused() {
    EscalationPolicy bad =
        new EscalationPolicy(
            2,
            0,
            Map.of(
                RegionLevel.COUNTY,
                new ResolveDays(3, 4),
                RegionLevel.CITY,
                new ResolveDays(0, 0)));
    List<String> fields = bad.problems().stream().map(FieldProblem::field).toList();
    assertThat(fields)
        .contains(
            "acceptWorkingDays",
            "resolveWorkingDays.COUNTY.urgent",
            "resolveWorkingDays.CITY.normal",
            "resolveWorkingDays.CITY.urgent",
            "resolveWorkingDays.PROVINCE");
  }
}
