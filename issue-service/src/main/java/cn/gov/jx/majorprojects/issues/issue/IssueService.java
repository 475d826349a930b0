package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.calendar.CalendarService;
import cn.gov.jx.majorprojects.issues.client.project.ProjectView;
import cn.gov.jx.majorprojects.issues.client.project.Projects;
import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy;
import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy.CaseDeadlines;
import cn.gov.jx.majorprojects.issues.policy.PolicyService;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.security.Jurisdiction;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

@Service
class IssueService {

  private final IssueRepository repository;
  private final MongoTemplate mongo;
  private final IssueNumbers numbers;
  private final Projects projects;
  private final PolicyService policies;
  private final CalendarService calendars;
  private final Jurisdiction jurisdiction;
  private final Clock clock;
  private final CaseStats stats;

  IssueService(
      IssueRepository repository,
      MongoTemplate mongo,
      IssueNumbers numbers,
      Projects projects,
      PolicyService policies,
      CalendarService calendars,
      Jurisdiction jurisdiction,
      Clock clock,
      CaseStats stats) {
    this.stats = stats;
    this.repository = repository;
    this.mongo = mongo;
    this.numbers = numbers;
    this.projects = projects;
    this.policies = policies;
    this.calendars = calendars;
    this.jurisdiction = jurisdiction;
    this.clock = clock;
  }

  record NewIssue(
      String projectId,
      String title,
      String description,
      Category category,
      cn.gov.jx.majorprojects.issues.deadline.Urgency urgency) {

    String hash() {
      return sha256(
          String.join("\u0000", projectId, title, description, category.name(), urgency.name()));
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
            : user.username() + ":" + idempotencyKey;
    String hash = request.hash();
    var earlier = repository.findByIdempotencyKey(key);
    if (earlier.isPresent()) {
      return replay(earlier.get(), hash);
    }
    ProjectView project =
        projects
            .find(request.projectId())
            .filter(p -> p.ownerOrg() != null && p.ownerOrg().equals(user.org()))
            .orElseThrow(() -> new NotFoundException("Project", request.projectId()));

    Instant now = clock.instant();
    EscalationPolicy policy = policies.current();
    WorkingCalendar calendar = calendars.workingCalendar();
    CaseDeadlines deadlines =
        policy.deadlinesFor(calendar, RegionLevel.COUNTY, request.urgency(), now);

    Issue issue = new Issue();
    issue.idempotencyKey = key;
    issue.requestHash = hash;
    issue.number = numbers.next(now.atZone(WorkingCalendar.ZONE).getYear());
    issue.projectId = project.id();
    issue.projectName = project.name();
    issue.projectRegion = project.regionCode();
    issue.ownerOrg = project.ownerOrg();
    issue.title = request.title();
    issue.description = request.description();
    issue.category = request.category();
    issue.urgency = request.urgency();
    issue.status = IssueStatus.OPEN;
    issue.level = RegionLevel.COUNTY;
    issue.handlingRegion = project.regionCode();
    issue.regionsPassed.add(project.regionCode());
    issue.levelSince = now;
    issue.acceptDueAt = deadlines.acceptDueAt();
    issue.dueAt = deadlines.dueAt();
    issue.yellowAt = calendar.instantAtShare(now, deadlines.dueAt(), Warning.YELLOW_SHARE);
    issue.policyVersion = policy.version();
    issue.reporter = user.username();
    issue.reporterOrg = user.org();
    issue.createdAt = now;
    Map<String, String> details = new LinkedHashMap<>();
    details.put("title", request.title());
    details.put("urgency", request.urgency().name());
    details.put("policyVersion", String.valueOf(policy.version()));
    TimelineEntry submitted =
        TimelineEntry.next(
            null,
            "SUBMITTED",
            user.username(),
            now,
            null,
            null,
            RegionLevel.COUNTY,
            project.regionCode(),
            details);
    issue.timeline.add(submitted);
    // the id is set now so the event carries it; the insert still fails on a duplicate key
    issue.id = new ObjectId().toHexString();
    issue.outbox.add(Events.of(issue, submitted, Warning.GREEN));
    try {
      // insert, never save: a concurrent retry with the same key hits the unique index
      Issue stored = mongo.insert(issue);
      stats.record(stored, submitted, null, calendar);
      return new Submitted(view(stored, calendar, now), true);
    } catch (DuplicateKeyException e) {
      Issue first =
          repository.findByIdempotencyKey(key).orElseThrow(() -> e); // another unique field clashed
      return replay(first, hash);
    }
  }

  private Submitted replay(Issue first, String hash) {
    if (!first.requestHash.equals(hash)) {
      throw new ConflictException(
          "This Idempotency-Key was already used for a different request (issue "
              + first.number
              + "); use a new key for a new blocker");
    }
    return new Submitted(view(first, calendars.workingCalendar(), clock.instant()), false);
  }

  IssueView get(String id, PlatformUser user) {
    return view(visible(id, user), calendars.workingCalendar(), clock.instant());
  }

  java.util.Optional<Issue> find(String id) {
    return repository.findById(id);
  }

  /** The issue if the caller may see it; 404 otherwise so its existence does not leak. */
  Issue visible(String id, PlatformUser user) {
    return repository
        .findById(id)
        .filter(i -> canSee(i, user))
        .orElseThrow(() -> new NotFoundException("Issue", id));
  }

  boolean canSee(Issue issue, PlatformUser user) {
    if (user.has(PlatformRole.OWNER)) {
      return user.org() != null && user.org().equals(issue.ownerOrg);
    }
    return jurisdiction.covers(user, issue.projectRegion);
  }

  static IssueView view(Issue issue, WorkingCalendar calendar, Instant now) {
    return IssueView.of(issue, warningOf(issue, calendar, now));
  }

  static Warning warningOf(Issue issue, WorkingCalendar calendar, Instant now) {
    boolean running = issue.status == IssueStatus.OPEN || issue.status == IssueStatus.IN_PROGRESS;
    return running ? Warning.of(calendar, issue.levelSince, issue.dueAt, now) : Warning.GREEN;
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
