package cn.gov.jx.majorprojects.issues.query;

import static cn.gov.jx.majorprojects.support.mongo.Filters.equalIfGiven;

import cn.gov.jx.majorprojects.issues.calendar.CalendarService;
import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.deadline.Warning;
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
import cn.gov.jx.majorprojects.support.security.Jurisdiction;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Reading cases: the scoped list, the timeline and its verification, the thread. */
@Service
class IssueQueries {

  private final CaseAccess access;
  private final MongoTemplate mongo;
  private final CalendarService calendars;
  private final RegionTree tree;
  private final Jurisdiction jurisdiction;
  private final Clock clock;

  IssueQueries(
      CaseAccess access,
      MongoTemplate mongo,
      CalendarService calendars,
      RegionTree tree,
      Jurisdiction jurisdiction,
      Clock clock) {
    this.jurisdiction = jurisdiction;
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
      String q,
      Warning warning,
      String handledBy,
      Instant handledFrom,
      Instant handledUntil) {}

  /** How a case arrives at a unit: what the accountability row counts as {@code received}. */
  static final List<String> ARRIVALS =
      List.of("SUBMITTED", "ESCALATED", "AUTO_ESCALATED", "RETURNED");

  /** The cases the caller may see that match the filter; the scope is part of the query. */
  Page<IssueView> list(IssueFilter filter, Pageable pageable, PlatformUser user) {
    Instant now = clock.instant();
    Query query = Query.query(new Criteria().andOperator(criteria(filter, user, now)));
    // the list never carries the timelines and outboxes
    query.fields().exclude("timeline").exclude("outbox").exclude("description");
    long total = mongo.count(Query.of(query).limit(-1).skip(-1), Issue.class);
    query.with(pageable);
    return new PageImpl<>(views(query, now), pageable, total);
  }

  /**
   * The same list red first, then yellow, then green, each by deadline: one indexed query per
   * colour, paged across them (a count of each says where the page starts), never a sort in memory.
   */
  Page<IssueView> listByWarning(IssueFilter filter, Pageable pageable, PlatformUser user) {
    Instant now = clock.instant();
    List<Criteria> base = List.of(criteria(filter, user, now));
    List<IssueView> content = new ArrayList<>();
    long total = 0;
    long skip = pageable.getOffset();
    for (Warning colour : List.of(Warning.RED, Warning.YELLOW, Warning.GREEN)) {
      List<Criteria> all = new ArrayList<>(base);
      all.add(WarningCriteria.of(colour, now));
      Query query = Query.query(new Criteria().andOperator(all));
      long n = mongo.count(query, Issue.class);
      total += n;
      if (content.size() >= pageable.getPageSize()) {
        continue;
      }
      if (skip >= n) {
        skip -= n;
        continue;
      }
      query.fields().exclude("timeline").exclude("outbox").exclude("description");
      query
          .with(Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("_id")))
          .skip(skip)
          .limit(pageable.getPageSize() - content.size());
      content.addAll(views(query, now));
      skip = 0;
    }
    return new PageImpl<>(content, pageable, total);
  }

  private List<IssueView> views(Query query, Instant now) {
    WorkingCalendar calendar = calendars.workingCalendar();
    return mongo.find(query, Issue.class).stream().map(i -> i.view(calendar, now)).toList();
  }

  /** Open (OPEN, IN_PROGRESS) cases of a region's subtree counted by level and by colour. */
  record CaseCounts(
      String regionCode, long open, Map<RegionLevel, Long> byLevel, Map<Warning, Long> byWarning) {}

  CaseCounts counts(String regionCode, boolean byLevel, boolean byWarning, PlatformUser user) {
    if (user.has(PlatformRole.OWNER)) {
      throw new AccessDeniedException("case counts are for regional users");
    }
    String region = regionCode == null ? user.region() : regionCode;
    if (region == null || !tree.contains(region) || !jurisdiction.covers(user, region)) {
      throw new NotFoundException("Region", region);
    }
    Instant now = clock.instant();
    Criteria open =
        Criteria.where("projectRegion")
            .in(subtree(region))
            .and("status")
            .in(IssueStatus.OPEN, IssueStatus.IN_PROGRESS);
    long total = mongo.count(Query.query(open), Issue.class);
    Map<RegionLevel, Long> levels = null;
    if (byLevel) {
      levels = new EnumMap<>(RegionLevel.class);
      for (RegionLevel level : RegionLevel.values()) {
        levels.put(level, 0L);
      }
      Aggregation aggregation =
          Aggregation.newAggregation(
              Aggregation.match(open), Aggregation.group("level").count().as("n"));
      for (Document row : mongo.aggregate(aggregation, Issue.class, Document.class)) {
        levels.put(RegionLevel.valueOf(row.getString("_id")), ((Number) row.get("n")).longValue());
      }
    }
    Map<Warning, Long> colours = null;
    if (byWarning) {
      colours = new EnumMap<>(Warning.class);
      for (Warning colour : Warning.values()) {
        colours.put(
            colour,
            mongo.count(
                Query.query(new Criteria().andOperator(open, WarningCriteria.of(colour, now))),
                Issue.class));
      }
    }
    return new CaseCounts(region, total, levels, colours);
  }

  private Criteria[] criteria(IssueFilter filter, PlatformUser user, Instant now) {
    List<Criteria> all = new ArrayList<>();
    if (user.has(PlatformRole.OWNER)) {
      all.add(Criteria.where("ownerOrg").is(user.org() == null ? "\u0000none" : user.org()));
    } else {
      all.add(Criteria.where("projectRegion").in(subtree(user.region())));
    }
    if (filter.regionCode() != null) {
      all.add(Criteria.where("projectRegion").in(subtree(filter.regionCode())));
    }
    equalIfGiven(all, "status", filter.status());
    equalIfGiven(all, "level", filter.level());
    equalIfGiven(all, "handlingRegion", filter.handlingRegion());
    equalIfGiven(all, "category", filter.category());
    equalIfGiven(all, "urgency", filter.urgency());
    equalIfGiven(all, "projectId", filter.projectId());
    equalIfGiven(all, "supervised", filter.supervised());
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
    if (filter.warning() != null) {
      all.add(WarningCriteria.of(filter.warning(), now));
    }
    if (filter.handledBy() != null) {
      // arrived at the unit in the period (index handled_arrivals)
      all.add(
          Criteria.where("timeline")
              .elemMatch(
                  Criteria.where("toRegion")
                      .is(filter.handledBy())
                      .and("type")
                      .in(ARRIVALS)
                      .and("at")
                      .gte(filter.handledFrom())
                      .lt(filter.handledUntil())));
    }
    return all.toArray(Criteria[]::new);
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
