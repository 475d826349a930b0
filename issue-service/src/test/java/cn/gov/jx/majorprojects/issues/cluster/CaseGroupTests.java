package cn.gov.jx.majorprojects.issues.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jx.majorprojects.issues.issue.Category;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A case group's own rules without Spring: members, its meeting, its decisions done once. */
class CaseGroupTests {

  static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

  static CaseGroup.Member member(String issueId, String county) {
    return new CaseGroup.Member(
        issueId, "JX-" + issueId, "用电", "p-" + issueId, "项目", county, "coord.nc", NOW);
  }

  static CaseGroup group() {
    ClusterFinder.Cluster described =
        new ClusterFinder.Cluster(
            "k", Category.ENERGY, "360100", "南昌市", 0.8, List.of(), List.of(), List.of());
    return CaseGroup.confirm(
        "供电接入",
        described,
        List.of(member("c1", "360113"), member("c2", "360111")),
        "coord.nc",
        NOW);
  }

  static CaseGroup.GroupDecision decision(String id) {
    return new CaseGroup.GroupDecision(
        id, "m1", "统一协调", "供电公司", NOW, CaseGroup.OPEN, List.of(), "coord.nc", NOW, null, null);
  }

  @Test
  void aRemovedCaseIsKeptAsRemovedButTheLastOneStays() {
    CaseGroup group = group();
    group.remove("c2", "coord.nc", NOW);
    assertThat(group.issueIds()).containsExactly("c1");
    assertThat(group.memberRegions).containsExactly("360113");
    assertThat(group.removed).extracting(CaseGroup.Member::issueId).containsExactly("c2");
    assertThatThrownBy(() -> group.remove("c1", "coord.nc", NOW))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> group.remove("c9", "coord.nc", NOW))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void decisionsAreTakenInTheLatestMeetingAndNoneBeforeOne() {
    CaseGroup group = group();
    assertThatThrownBy(group::latestMeeting).isInstanceOf(ConflictException.class);
    group.meetingOrganised("m1");
    group.meetingOrganised("m2");
    assertThat(group.latestMeeting()).isEqualTo("m2");
  }

  @Test
  void aGroupDecisionIsDoneOnceAndAnUnknownOneIs404() {
    CaseGroup group = group();
    group.decided(decision("g1"));
    CaseGroup.GroupDecision done = group.markDone("g1", "coord.hgt", NOW);
    assertThat(done.status()).isEqualTo(CaseGroup.DONE);
    assertThat(group.decision("g1").doneBy()).isEqualTo("coord.hgt");
    assertThatThrownBy(() -> group.markDone("g1", "coord.hgt", NOW))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Group decision g1 is already done");
    assertThatThrownBy(() -> group.markDone("g9", "coord.hgt", NOW))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Group decision g9 not found");
  }
}
