package cn.gov.jx.majorprojects.issues.meeting;

import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.issue.CaseDecisions;
import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.Jurisdiction;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Coordination meetings: load → authorize → the meeting's own method → a write conditional on the
 * version read. A write that lost a race is read again and its change applied again (the methods
 * check the state again, so two decisions marked done at once both stay done, and the same decision
 * marked twice answers 409); after a few lost races the caller gets 409 and nothing is written.
 */
@Service
public class MeetingService {

  static final int ATTEMPTS = 5;

  private final MongoTemplate mongo;
  private final CaseDecisions cases;
  private final Jurisdiction jurisdiction;
  private final RegionTree tree;
  private final Clock clock;

  MeetingService(
      MongoTemplate mongo,
      CaseDecisions cases,
      Jurisdiction jurisdiction,
      RegionTree tree,
      Clock clock) {
    this.mongo = mongo;
    this.cases = cases;
    this.jurisdiction = jurisdiction;
    this.tree = tree;
    this.clock = clock;
  }

  public record NewMeeting(
      String title,
      String regionCode,
      Instant scheduledAt,
      List<String> attendees,
      List<String> issueIds) {}

  public record NewDecision(
      String issueId,
      String decision,
      String responsibleUnit,
      String responsibleRegion,
      Instant dueAt) {}

  /** The list's filters; null where absent. Dates are Asia/Shanghai days, both inclusive. */
  record MeetingFilter(String regionCode, String status, LocalDate from, LocalDate to) {}

  public Meeting.View create(NewMeeting body, PlatformUser user) {
    if (!user.has(PlatformRole.COORDINATOR)) {
      throw new AccessDeniedException("coordinators organise coordination meetings");
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (!tree.contains(body.regionCode()) || !jurisdiction.covers(user, body.regionCode())) {
      problems.add(new FieldProblem("regionCode", "is not a region within yours"));
    }
    for (int i = 0; i < body.issueIds().size(); i++) {
      if (!cases.visible(body.issueIds().get(i), user)) {
        problems.add(new FieldProblem("issueIds[" + i + "]", "no such issue that you can see"));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("The meeting has invalid fields", problems);
    }
    Meeting meeting =
        Meeting.organise(
            body.title(),
            body.regionCode(),
            body.scheduledAt(),
            body.attendees(),
            body.issueIds(),
            user.username(),
            clock.instant());
    Meeting stored = mongo.insert(meeting);
    // each case's holders, reporter and the attendees who may see it hear of the meeting
    for (String issueId : stored.issueIds) {
      cases.scheduled(issueId, meetingDetails(stored), user);
    }
    return stored.view(clock.instant());
  }

  Meeting.View get(String id, PlatformUser user) {
    return visible(id, user).view(clock.instant());
  }

  /**
   * The meetings the caller would see one by one ({@link #visible}), newest first: the scope is
   * part of the query (index {@code region_status_scheduled}, or {@code attendees_scheduled}).
   */
  Page<Meeting.Summary> list(MeetingFilter filter, Pageable pageable, PlatformUser user) {
    List<Criteria> all = new ArrayList<>();
    Criteria attending = Criteria.where("attendees").is(user.username());
    if (user.has(PlatformRole.OWNER) || user.region() == null) {
      all.add(attending);
    } else {
      all.add(
          new Criteria()
              .orOperator(Criteria.where("regionCode").in(subtree(user.region())), attending));
    }
    if (filter.regionCode() != null) {
      all.add(Criteria.where("regionCode").in(subtree(filter.regionCode())));
    }
    if (Meeting.DONE.equals(filter.status())) {
      all.add(Criteria.where("status").is(Meeting.DONE));
    } else if (Meeting.OPEN.equals(filter.status())) {
      all.add(Criteria.where("status").ne(Meeting.DONE));
    }
    if (filter.from() != null) {
      all.add(
          Criteria.where("scheduledAt")
              .gte(filter.from().atStartOfDay(WorkingCalendar.ZONE).toInstant()));
    }
    if (filter.to() != null) {
      all.add(
          Criteria.where("scheduledAt")
              .lt(filter.to().plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant()));
    }
    Query query = Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)));
    long total = mongo.count(query, Meeting.class);
    query.with(pageable);
    Instant now = clock.instant();
    List<Meeting.Summary> content =
        mongo.find(query, Meeting.class).stream().map(m -> m.summary(now)).toList();
    return new PageImpl<>(content, pageable, total);
  }

  private List<String> subtree(String region) {
    return tree.subtree(region).stream().map(Region::code).toList();
  }

  public Meeting.DecisionView decide(String id, NewDecision body, PlatformUser user) {
    Meeting meeting = forOrganisers(id, user);
    // a case the caller cannot see answers like one not on the agenda, so it does not leak
    if (!meeting.onAgenda(body.issueId()) || !cases.visible(body.issueId(), user)) {
      throw Meeting.notOnAgenda();
    }
    // the region answering for it must see the case: its holder by default
    String responsibleRegion =
        body.responsibleRegion() == null ? cases.holder(body.issueId()) : body.responsibleRegion();
    if (!cases.withinScope(body.issueId(), responsibleRegion)) {
      throw BadRequestException.field(
          "responsibleRegion", "must be the case's county or a region above it");
    }
    String decisionId = new ObjectId().toHexString();
    Instant now = clock.instant();
    Function<Meeting, Meeting.Decision> decide =
        m ->
            m.decide(
                decisionId,
                body.issueId(),
                body.decision(),
                body.responsibleUnit(),
                responsibleRegion,
                body.dueAt(),
                user.username(),
                now);
    Meeting.Decision decision = decide.apply(meeting);
    // the case first: an open decision must block closing even if the meeting write is lost
    cases.recorded(
        body.issueId(),
        decisionId,
        "【" + meeting.title + "】" + body.decision() + "（责任单位：" + body.responsibleUnit() + "）",
        details(meeting, decision),
        user);
    save(meeting, decide);
    return decision.view(now);
  }

  public Meeting.DecisionView done(String id, String decisionId, PlatformUser user) {
    Meeting meeting = forOrganisers(id, user);
    Meeting.Decision decision = meeting.decision(decisionId);
    if (!cases.visible(decision.issueId(), user)) {
      throw new AccessDeniedException("the decision's case is outside your region");
    }
    Instant now = clock.instant();
    Function<Meeting, Meeting.Decision> markDone =
        m -> m.markDone(decisionId, user.username(), now);
    Meeting.Decision done = markDone.apply(meeting);
    // the meeting first: of two callers marking the same decision only one reaches the case
    save(meeting, markDone);
    cases.done(decision.issueId(), decisionId, details(meeting, decision), user);
    return done.view(now);
  }

  /**
   * The sweep's part: each open decision past its due date is reported once, as DECISION_OVERDUE in
   * its case (to the responsible region's coordinators and the organiser; the case ignores a second
   * report), then noted in the meeting. Answers how many were reported.
   */
  public int reportOverdue(int batchSize) {
    Instant now = clock.instant();
    Criteria due =
        Criteria.where("decisions")
            .elemMatch(
                Criteria.where("status")
                    .is(Meeting.OPEN)
                    .and("dueAt")
                    .lt(now)
                    .and("overdueReportedAt")
                    .is(null));
    int reported = 0;
    for (Meeting meeting : mongo.find(Query.query(due).limit(batchSize), Meeting.class)) {
      for (Meeting.Decision decision : List.copyOf(meeting.decisions)) {
        if (!decision.overdueAt(now) || decision.overdueReportedAt() != null) {
          continue;
        }
        Map<String, String> details = details(meeting, decision);
        details.put("organiser", meeting.organiser);
        try {
          cases.overdue(decision.issueId(), decision.id(), details);
          reported++;
        } catch (ConflictException | NotFoundException e) {
          // reported before (a replica noted the case but not the meeting), or no longer open there
        }
        try {
          Function<Meeting, Meeting.Decision> note = m -> m.markReportedOverdue(decision.id(), now);
          Meeting current = mongo.findById(meeting.id, Meeting.class);
          note.apply(current);
          save(current, note);
        } catch (ConflictException | NotFoundException e) {
          // done meanwhile, or another replica noted it first
        }
      }
    }
    return reported;
  }

  /**
   * Writes a changed meeting's decisions on the version it was read at; after a lost race reads it
   * again and applies the change again (which checks the state again), at most {@link #ATTEMPTS}
   * times in all, then 409.
   */
  private void save(Meeting changed, Function<Meeting, Meeting.Decision> again) {
    Meeting current = changed;
    for (int attempt = 1; !written(current); attempt++) {
      if (attempt >= ATTEMPTS) {
        throw new ConflictException(
            "Coordination meeting " + changed.id + " kept changing meanwhile; try again");
      }
      current = mongo.findById(changed.id, Meeting.class);
      again.apply(current);
    }
  }

  private boolean written(Meeting meeting) {
    return mongo
            .updateFirst(
                Query.query(
                    Criteria.where("_id").is(meeting.id).and("version").is(meeting.version)),
                new Update()
                    .set("decisions", meeting.decisions)
                    .set("status", meeting.status())
                    .inc("version", 1),
                Meeting.class)
            .getMatchedCount()
        == 1;
  }

  private static Map<String, String> details(Meeting meeting, Meeting.Decision decision) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("meetingId", meeting.id);
    details.put("meetingTitle", meeting.title);
    details.put("decisionId", decision.id());
    details.put("decision", decision.decision());
    details.put("responsibleUnit", decision.responsibleUnit());
    if (decision.responsibleRegion() != null) {
      details.put("responsibleRegion", decision.responsibleRegion());
    }
    details.put("dueAt", decision.dueAt().toString());
    details.put("attendees", String.join(",", meeting.attendees));
    return details;
  }

  /** What a case's notice of the meeting carries; attendees are named for notification-service. */
  private static Map<String, String> meetingDetails(Meeting meeting) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("meetingId", meeting.id);
    details.put("meetingTitle", meeting.title);
    details.put("scheduledAt", meeting.scheduledAt.toString());
    details.put("regionCode", meeting.regionCode);
    details.put("organiser", meeting.organiser);
    details.put("attendees", String.join(",", meeting.attendees));
    return details;
  }

  /**
   * Seen by its attendees, and by users other than owners whose region contains the meeting's:
   * owners see by organisation, and a meeting may carry other organisations' cases.
   */
  private Meeting visible(String id, PlatformUser user) {
    Meeting meeting = mongo.findById(id, Meeting.class);
    if (meeting == null
        || !((!user.has(PlatformRole.OWNER) && jurisdiction.covers(user, meeting.regionCode))
            || meeting.attendees.contains(user.username()))) {
      throw new NotFoundException("Coordination meeting", id);
    }
    return meeting;
  }

  /** The organiser, or a coordinator of the meeting's region, records decisions. */
  private Meeting forOrganisers(String id, PlatformUser user) {
    Meeting meeting = visible(id, user);
    boolean organiser = meeting.organiser.equals(user.username());
    boolean regionCoordinator =
        user.has(PlatformRole.COORDINATOR) && meeting.regionCode.equals(user.region());
    if (!organiser && !regionCoordinator) {
      throw new AccessDeniedException("only the meeting's organisers record its decisions");
    }
    return meeting;
  }
}
