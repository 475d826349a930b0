package cn.gov.jx.majorprojects.issues.policy;

import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy.ResolveDays;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One stored version of the policy; the id is the version, so two writers of one version clash. */
@Document("escalation_policies")
record PolicyDocument(
    @Id Integer version,
    int acceptWorkingDays,
    Map<String, ResolveDays> resolveWorkingDays,
    Instant createdAt,
    String createdBy) {

  static PolicyDocument of(EscalationPolicy policy, Instant at, String by) {
    Map<String, ResolveDays> resolve = new LinkedHashMap<>();
    policy.resolveWorkingDays().forEach((level, days) -> resolve.put(level.name(), days));
    return new PolicyDocument(policy.version(), policy.acceptWorkingDays(), resolve, at, by);
  }

  EscalationPolicy toPolicy() {
    Map<RegionLevel, ResolveDays> resolve = new EnumMap<>(RegionLevel.class);
    resolveWorkingDays.forEach((level, days) -> resolve.put(RegionLevel.valueOf(level), days));
    return new EscalationPolicy(version, acceptWorkingDays, resolve);
  }
}
