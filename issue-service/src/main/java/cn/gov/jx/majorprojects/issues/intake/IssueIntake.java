package cn.gov.jx.majorprojects.issues.intake;

import cn.gov.jx.majorprojects.issues.client.project.ProjectView;
import cn.gov.jx.majorprojects.issues.client.project.Projects;
import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.issue.CaseRulebook;
import cn.gov.jx.majorprojects.issues.issue.CaseRules;
import cn.gov.jx.majorprojects.issues.issue.Category;
import cn.gov.jx.majorprojects.issues.issue.Issue;
import cn.gov.jx.majorprojects.issues.issue.IssueStore;
import cn.gov.jx.majorprojects.issues.issue.IssueView;
import cn.gov.jx.majorprojects.issues.policy.PolicyService;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Reporting a blocker: once per Idempotency-Key, for a project of the reporter's own org. */
@Service
class IssueIntake {

  private final IssueStore store;
  private final IssueNumbers numbers;
  private final Projects projects;
  private final PolicyService policies;
  private final CaseRulebook rulebook;
  private final Clock clock;

  IssueIntake(
      IssueStore store,
      IssueNumbers numbers,
      Projects projects,
      PolicyService policies,
      CaseRulebook rulebook,
      Clock clock) {
    this.store = store;
    this.numbers = numbers;
    this.projects = projects;
    this.policies = policies;
    this.rulebook = rulebook;
    this.clock = clock;
  }

  /** {@code helpWanted}: what the owner asks of the coordinators (optional). */
  record NewIssue(
      String projectId,
      String title,
      String description,
      Category category,
      Urgency urgency,
      String helpWanted,
      List<String> milestoneIds) {

    /**
     * The request's fingerprint; without help wanted or milestones the same as before those fields
     * existed.
     */
    String hash() {
      String fields =
          String.join("\u0000", projectId, title, description, category.name(), urgency.name());
      if (helpWanted != null) {
        fields = fields + "\u0000" + helpWanted;
      }
      if (milestoneIds != null && !milestoneIds.isEmpty()) {
        fields = fields + "\u0000milestones:" + String.join(",", milestoneIds);
      }
      return sha256(fields);
    }
  }

  /** The outcome of a submission: the issue, and whether it was created now or replayed. */
  record Submitted(IssueView issue, boolean created) {}

  Submitted submit(NewIssue request, String idempotencyKey, PlatformUser user) {
    if (!user.has(PlatformRole.OWNER)) {
      throw new AccessDeniedException("only project owners report blockers");
    }
    String key =
        idempotencyKey == null || idempotencyKey.isBlank()
            ? "auto:" + UUID.randomUUID()
            : reporterKey(user.username(), idempotencyKey);
    String hash = request.hash();
    var earlier = store.findByIdempotencyKey(key);
    if (earlier.isPresent()) {
      return replay(earlier.get(), hash);
    }
    ProjectView project =
        projects
            .find(request.projectId())
            .filter(p -> p.ownerOrg() != null && p.ownerOrg().equals(user.org()))
            .orElseThrow(() -> new NotFoundException("Project", request.projectId()));

    List<String> milestoneIds = projects.checkedMilestones(project.id(), request.milestoneIds());
    Instant now = clock.instant();
    CaseRules rules = rulebook.current();
    Issue issue =
        Issue.submit(
            new Issue.Submission(
                key,
                hash,
                numbers.next(now.atZone(WorkingCalendar.ZONE).getYear()),
                project.id(),
                project.name(),
                project.regionCode(),
                project.ownerOrg(),
                request.title(),
                request.description(),
                request.category(),
                request.urgency(),
                request.helpWanted(),
                user.username(),
                user.org()),
            milestoneIds,
            policies.current().version(),
            now,
            rules);
    try {
      return new Submitted(store.insert(issue).view(rules.calendar(), now), true);
    } catch (DuplicateKeyException e) {
      // another unique field clashed when no earlier case has the key
      Issue first = store.findByIdempotencyKey(key).orElseThrow(() -> e);
      return replay(first, hash);
    }
  }

  /**
   * The stored key: the reporter's username, a colon, the client's key. A colon or backslash in the
   * username is escaped, so "a:b" sending "c" and "a" sending "b:c" are two keys; for usernames
   * without either (all of them so far) the key is what it always was.
   */
  static String reporterKey(String username, String idempotencyKey) {
    return username.replace("\\", "\\\\").replace(":", "\\:") + ":" + idempotencyKey;
  }

  private Submitted replay(Issue first, String hash) {
    if (!first.requestHash().equals(hash)) {
      throw new ConflictException(
          "This Idempotency-Key was already used for a different request (issue "
              + first.number()
              + "); use a new key for a new blocker");
    }
    return new Submitted(first.view(rulebook.current().calendar(), clock.instant()), false);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
