package cn.gov.jx.majorprojects.issues.query;

import cn.gov.jx.majorprojects.issues.calendar.CalendarService;
import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.issue.CaseAccess;
import cn.gov.jx.majorprojects.issues.issue.Category;
import cn.gov.jx.majorprojects.issues.issue.Issue;
import cn.gov.jx.majorprojects.issues.issue.IssueMessage;
import cn.gov.jx.majorprojects.issues.issue.IssueStatus;
import cn.gov.jx.majorprojects.issues.issue.IssueView;
import cn.gov.jx.majorprojects.issues.issue.TimelineEntry;
import cn.gov.jx.majorprojects.issues.issue.TimelineVerification;
import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reading cases: the scoped list, the timeline and its verification, the thread. */
@Service
class IssueQueries {

  private final CaseAccess access;
  private final MongoTemplate mongo;
  private final CalendarService calendars;
  private final RegionTree tree;
  private final Clock clock;

  IssueQueries(
      CaseAccess access,
      MongoTemplate mongo,
      CalendarService calendars,
      RegionTree tree,
      Clock clock) {
    this.access = access;
    this.mongo = mongo;
    this.calendars = calendars;
    this.tree = tree;
    this.clock = clock;
  }

  record IssueFilter(
      IssueStatus status,
      RegionLevel level,
      String handlingRegion,
      String regionCode,
      Category category,
      Urgency urgency,
      String projectId,
      Boolean overdue,
      Boolean supervised,
      String q) {}

  /** The cases the caller may see that match the filter; the scope is part of the query. */
  Page<IssueView> list(IssueFilter filter, Pageable pageable, PlatformUser user) {
    Instant now = clock.instant();
    List<Criteria> all = new ArrayList<>();
    if (user.has(PlatformRole.OWNER)) {
      all.add(Criteria.where("ownerOrg").is(user.org() == null ? "\u0000none" : user.org()));
    } else {
      all.add(Criteria.where("projectRegion").in(subtree(user.region())));
    }
    if (filter.regionCode() != null) {
      all.add(Criteria.where("projectRegion").in(subtree(filter.regionCode())));
    }
    if (filter.status() != null) {
      all.add(Criteria.where("status").is(filter.status()));
    }
    if (filter.level() != null) {
      all.add(Criteria.where("level").is(filter.level()));
    }
    if (filter.handlingRegion() != null) {
      all.add(Criteria.where("handlingRegion").is(filter.handlingRegion()));
    }
    if (filter.category() != null) {
      all.add(Criteria.where("category").is(filter.category()));
    }
    if (filter.urgency() != null) {
      all.add(Criteria.where("urgency").is(filter.urgency()));
    }
    if (filter.projectId() != null) {
      all.add(Criteria.where("projectId").is(filter.projectId()));
    }
    if (filter.supervised() != null) {
      all.add(Criteria.where("supervised").is(filter.supervised()));
    }
    List<IssueStatus> running = List.of(IssueStatus.OPEN, IssueStatus.IN_PROGRESS);
    if (Boolean.TRUE.equals(filter.overdue())) {
      all.add(Criteria.where("status").in(running));
      all.add(Criteria.where("dueAt").lt(now));
    } else if (Boolean.FALSE.equals(filter.overdue())) {
      all.add(
          new Criteria()
              .orOperator(Criteria.where("status").nin(running), Criteria.where("dueAt").gte(now)));
    }
    if (filter.q() != null && !filter.q().isBlank()) {
      Pattern text = Pattern.compile(Pattern.quote(filter.q().trim()), Pattern.CASE_INSENSITIVE);
      all.add(
          new Criteria()
              .orOperator(
                  Criteria.where("title").regex(text),
                  Criteria.where("number").regex(text),
                  Criteria.where("projectName").regex(text)));
    }
    Query query = Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)));
    // the list never carries the timelines and outboxes
    query.fields().exclude("timeline").exclude("outbox").exclude("description");
    long total = mongo.count(Query.of(query).limit(-1).skip(-1), Issue.class);
    query.with(pageable);
    WorkingCalendar calendar = calendars.workingCalendar();
    List<IssueView> content =
        mongo.find(query, Issue.class).stream().map(i -> i.view(calendar, now)).toList();
    return new PageImpl<>(content, pageable, total);
  }

  private Set<String> subtree(String region) {
    Set<String> codes = new LinkedHashSet<>();
    for (Region r : tree.subtree(region)) {
      codes.add(r.code());
    }
    return codes;
  }

  IssueView get(String id, PlatformUser user) {
    return access.visible(id, user).view(calendars.workingCalendar(), clock.instant());
  }

  List<TimelineEntry> timeline(String id, PlatformUser user) {
    return access.visible(id, user).timeline();
  }

  TimelineVerification verify(String id, PlatformUser user) {
    return TimelineVerification.of(access.visible(id, user).timeline());
  }

  Page<IssueMessage> messages(String id, Pageable page, PlatformUser user) {
    Issue issue = access.visible(id, user);
    Query query = Query.query(Criteria.where("issueId").is(issue.id()));
    long total = mongo.count(query, IssueMessage.class);
    query.with(
        org.springframework.data.domain.PageRequest.of(
            page.getPageNumber(),
            page.getPageSize(),
            Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id"))));
    return new PageImpl<>(mongo.find(query, IssueMessage.class), page, total);
  }
}
