package cn.gov.jx.majorprojects.issues.demo;

import cn.gov.jx.majorprojects.issues.client.project.ProjectView;
import cn.gov.jx.majorprojects.issues.client.project.Projects;
import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.issue.CaseRulebook;
import cn.gov.jx.majorprojects.issues.issue.CaseRules;
import cn.gov.jx.majorprojects.issues.issue.Category;
import cn.gov.jx.majorprojects.issues.issue.Issue;
import cn.gov.jx.majorprojects.issues.issue.IssueStore;
import cn.gov.jx.majorprojects.issues.meeting.Meeting;
import cn.gov.jx.majorprojects.issues.meeting.MeetingService;
import cn.gov.jx.majorprojects.issues.policy.PolicyService;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The demo cases of {@code ./platform up} (switch {@code ISSUES_DEMO_DATA}, set from {@code
 * PROJECTS_DEMO_DATA}): loaded once, only into an empty issues collection, for the projects of the
 * two demo owner organisations. Every case is built through {@link Issue}'s own methods with
 * back-dated instants, so its timeline and hash chain are real; the meeting goes through {@link
 * MeetingService}. The sweep then does to them what it does to any case (an overdue county case is
 * escalated on its own: that is part of the story).
 */
@Component
@ConditionalOnProperty(name = "issues.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
class DemoCases {

  static final String MARKER = "issues-demo-v1";
  static final String COLLECTION = "demo_data";
  static final String NC_ORG = "org-nc-metro";
  static final String GZ_ORG = "org-gz-energy";

  private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

  private static final PlatformUser COORD_NC =
      new PlatformUser("coord.nc", "南昌市协调员", Set.of(PlatformRole.COORDINATOR), "360100", null);

  private final MongoTemplate mongo;
  private final IssueStore store;
  private final CaseRulebook rulebook;
  private final PolicyService policies;
  private final MeetingService meetings;
  private final Projects projects;
  private final DemoProperties properties;
  private final Clock clock;

  DemoCases(
      MongoTemplate mongo,
      IssueStore store,
      CaseRulebook rulebook,
      PolicyService policies,
      MeetingService meetings,
      Projects projects,
      DemoProperties properties,
      Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.rulebook = rulebook;
    this.policies = policies;
    this.meetings = meetings;
    this.projects = projects;
    this.properties = properties;
    this.clock = clock;
  }

  /** After start, on its own thread: project-service may come up later, readiness waits not. */
  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    Thread loader = new Thread(this::loadOnce, "demo-cases");
    loader.setDaemon(true);
    loader.start();
  }

  /** How many cases it made: none when there are cases already or another instance loads them. */
  int loadOnce() {
    if (mongo.getCollection("issues").countDocuments() > 0) {
      log.info("demo cases not loaded: there are cases already");
      return 0;
    }
    try {
      // the marker first, so two instances starting together never both load
      mongo.insert(new Document("_id", MARKER).append("state", "loading"), COLLECTION);
    } catch (DuplicateKeyException e) {
      log.info("demo cases already loaded");
      return 0;
    }
    try {
      long started = System.nanoTime();
      List<Issue> made = build(awaitProjects(NC_ORG), awaitProjects(GZ_ORG));
      mongo
          .getCollection(COLLECTION)
          .updateOne(
              new Document("_id", MARKER),
              new Document("$set", new Document("state", "done").append("cases", made.size())));
      log.info(
          "loaded {} demo cases in {} ms", made.size(), (System.nanoTime() - started) / 1_000_000);
      return made.size();
    } catch (RuntimeException e) {
      // the next start tries again
      log.warn("demo cases not loaded: {}", e.toString());
      mongo.remove(Query.query(Criteria.where("_id").is(MARKER)), COLLECTION);
      return 0;
    }
  }

  /**
   * The owner's projects once project-service lists them and the list no longer grows (its own demo
   * loader may still be running).
   */
  private List<ProjectView> awaitProjects(String ownerOrg) {
    Instant giveUp = Instant.now().plus(properties.patience());
    List<ProjectView> last = null;
    while (Instant.now().isBefore(giveUp)) {
      try {
        List<ProjectView> now = projects.ofOwner(ownerOrg);
        if (!now.isEmpty() && now.equals(last)) {
          return now;
        }
        last = now;
      } catch (RuntimeException e) {
        log.debug("project-service not answering yet: {}", e.toString());
      }
      try {
        Thread.sleep(properties.retryInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for project-service", e);
      }
    }
    throw new IllegalStateException("project-service listed no projects of " + ownerOrg);
  }

  /** One case's story from its first instant on; {@code number} is "dry" while searching. */
  private interface Story {
    Issue play(String number, Instant start);
  }

  private record Planned(Instant start, Story story) {}

  /** What happens to a case after it is reported, from its first instant {@code t} on. */
  private interface Handling {
    void apply(Issue issue, Instant t);
  }

  /**
   * When a case starts: at a fixed instant, or (with {@code colour}) as late as still leaves it in
   * that colour now.
   */
  private record When(Instant at, Warning colour) {
    static When at(Instant at) {
      return new When(at, null);
    }

    static When latestFor(Warning colour) {
      return new When(null, colour);
    }
  }

  /**
   * One demo case as data: who reports what on which project, whether it holds up the project's
   * next open milestone of this year's plan, when it starts and what happens to it then.
   */
  private record DemoCase(
      String key,
      ProjectView project,
      String reporter,
      Category category,
      Urgency urgency,
      String title,
      String description,
      String helpWanted,
      boolean holdsUpMilestone,
      When when,
      Handling handling) {}

  private final class Book {
    final Instant now = clock.instant();
    final CaseRules rules = rulebook.current();
    final WorkingCalendar calendar = rules.calendar();
    final int policyVersion = policies.current().version();

    /** {@code n} working days before today, at {@code hour}:00 Shanghai time. */
    Instant workingDaysAgo(int n, int hour) {
      LocalDate day = LocalDate.ofInstant(now, WorkingCalendar.ZONE);
      for (int found = 0; found < n; ) {
        day = day.minusDays(1);
        if (calendar.isWorkingDay(day)) {
          found++;
        }
      }
      return at(day, hour);
    }

    /** {@code n} working days after the day of {@code from}, at {@code hour}:00. */
    Instant after(Instant from, int n, int hour) {
      return at(
          calendar.nthWorkingDayAfter(LocalDate.ofInstant(from, WorkingCalendar.ZONE), n), hour);
    }

    Instant at(LocalDate day, int hour) {
      return day.atTime(LocalTime.of(hour, 0)).atZone(WorkingCalendar.ZONE).toInstant();
    }

    Instant dueAt(Issue issue, Instant at) {
      return issue.view(calendar, at).dueAt();
    }

    /** Accepted by {@code coordinator} {@code hours} after it was reported. */
    Handling acceptedAfter(String coordinator, int hours) {
      return (i, t) -> i.accept(coordinator, t.plus(Duration.ofHours(hours)), rules);
    }

    /** The case's story: reported (naming the milestones given), then its handling. */
    Story story(DemoCase c, List<String> milestoneIds) {
      return (number, t) -> {
        Issue issue =
            Issue.submit(
                new Issue.Submission(
                    "demo:" + c.key(),
                    "demo",
                    number,
                    c.project().id(),
                    c.project().name(),
                    c.project().regionCode(),
                    c.project().ownerOrg(),
                    c.title(),
                    c.description(),
                    c.category(),
                    c.urgency(),
                    c.helpWanted(),
                    c.reporter(),
                    c.project().ownerOrg()),
                milestoneIds,
                policyVersion,
                t,
                rules);
        c.handling().apply(issue, t);
        return issue;
      };
    }

    /** Where the case starts: its fixed instant or the latest one that leaves it in its colour. */
    Instant start(DemoCase c, Story story) {
      return c.when().at() != null ? c.when().at() : startFor(story, c.when().colour());
    }

    /**
     * The latest start, searched back in half days, from which the story ends in {@code wanted}
     * colour now (so the colours hold whatever the weekday and the holidays).
     */
    Instant startFor(Story story, Warning wanted) {
      for (int halfDays = 1; halfDays <= 120; halfDays++) {
        Instant start = now.minus(Duration.ofHours(12L * halfDays));
        Issue dry = story.play("dry", start);
        if (!dry.lastEntry().at().isAfter(now) && dry.warningAt(calendar, now) == wanted) {
          return start;
        }
      }
      throw new IllegalStateException("no start makes the story " + wanted);
    }
  }

  /** The demo's cases, in the order they are listed (they are stored in the order they start). */
  private List<DemoCase> cases(Book b, List<ProjectView> nc, List<ProjectView> gz) {
    ProjectView nc1 = nc.get(0);
    ProjectView nc2 = nc.get(1 % nc.size());
    ProjectView nc3 = nc.get(2 % nc.size());
    ProjectView gz1 = gz.get(0);
    ProjectView gz2 = gz.get(1 % gz.size());
    ProjectView gz3 = gz.get(2 % gz.size());
    return List.of(
        // three projects, one cause: land compensation in 九龙湖片区 (GET /api/issues/clusters);
        // red at county: past its deadline, the sweep escalates it to 南昌市 by itself
        new DemoCase(
            "land-red",
            nc1,
            "owner.hgt",
            Category.DEMOLITION,
            Urgency.NORMAL,
            "九龙湖片区征地补偿标准争议，村民阻工",
            "红谷滩区九龙湖片区沿线三个村村民对征地补偿标准有异议，要求按新标准补偿，多次阻工，区征迁办尚未给出答复。",
            "请区征迁办尽快明确补偿标准并组织入户签约。",
            true,
            When.at(b.workingDaysAgo(8, 9)),
            b.acceptedAfter("coord.hgt", 3)),
        new DemoCase(
            "land-yellow",
            nc2,
            "owner.hgt",
            Category.DEMOLITION,
            Urgency.NORMAL,
            "九龙湖片区村民阻工，征地补偿标准未谈妥",
            "红谷滩区九龙湖片区部分农户认为征地补偿标准偏低，拒绝签订补偿协议，阻挠施工机械进场。",
            null,
            false,
            When.latestFor(Warning.YELLOW),
            b.acceptedAfter("coord.hgt", 2)),
        new DemoCase(
            "land-green",
            nc3,
            "owner.hgt",
            Category.DEMOLITION,
            Urgency.NORMAL,
            "九龙湖片区征地补偿协议签订受阻",
            "红谷滩区九龙湖片区征地补偿标准争议未解决，剩余31户未签补偿协议，站点围挡范围无法交地。",
            "请协调统一九龙湖片区征地补偿标准。",
            false,
            When.at(b.now.minus(Duration.ofHours(3))),
            (i, t) -> {}),
        // green, being worked on at county level
        new DemoCase(
            "materials-green",
            nc3,
            "owner.hgt",
            Category.MATERIALS,
            Urgency.NORMAL,
            "盾构管片钢筋供应紧张",
            "受钢材市场波动影响，管片厂螺纹钢到货延迟约两周，盾构掘进面临停机待料。",
            "请协调本地钢材供应企业优先保障。",
            true,
            When.at(b.workingDaysAgo(1, 9)),
            b.acceptedAfter("coord.hgt", 2)),
        // resolved at county level, waiting for the owner to confirm
        new DemoCase(
            "permit-resolved",
            nc1,
            "owner.hgt",
            Category.PERMIT,
            Urgency.NORMAL,
            "车站附属结构施工许可办理滞后",
            "2号出入口及风亭附属结构施工许可申请已提交一个月，因规划条件核实意见未出具，审批暂停。",
            null,
            false,
            When.at(b.workingDaysAgo(6, 10)),
            (i, t) -> {
              i.accept("coord.hgt", t.plus(Duration.ofHours(2)), b.rules);
              i.resolve(
                  "coord.hgt", "区行政审批局开辟绿色通道，规划条件核实意见已出具，施工许可证已核发。", b.after(t, 4, 15), b.rules);
            }),
        // escalated by the county to 南昌市, resolved there and confirmed closed by the owner
        new DemoCase(
            "labor-closed",
            nc2,
            "owner.hgt",
            Category.LABOR,
            Urgency.URGENT,
            "盾构作业人员短缺，夜间施工班组不足",
            "区间隧道盾构夜班作业人员缺口约40人，外地劳务队伍因住宿未落实无法进场。",
            "请协调劳务人员临时住宿。",
            false,
            When.at(b.workingDaysAgo(15, 9)),
            (i, t) -> {
              i.accept("coord.hgt", t.plus(Duration.ofHours(2)), b.rules);
              i.escalate("coord.hgt", "需市人社局统筹调配劳务资源，区内无法解决", b.after(t, 1, 15), b.rules);
              i.accept("coord.nc", b.after(t, 2, 9), b.rules);
              i.resolve(
                  "coord.nc", "市人社局协调两家劳务公司补充作业人员42人，住宿由区里安排人才公寓解决。", b.after(t, 4, 17), b.rules);
              i.confirm("owner.hgt", b.after(t, 5, 10), b.rules);
            }),
        // 赣州: escalated twice, county → city (by the sweep, late) → province (by the city), red
        new DemoCase(
            "grid-province-red",
            gz1,
            "owner.zg",
            Category.ENERGY,
            Urgency.NORMAL,
            "光伏电站并网接入方案迟迟未批复",
            "项目一期50兆瓦已具备并网条件，接入系统方案报送供电公司两个月未批复，110千伏变电站主变容量不足。",
            "请协调电网公司加快接入方案批复并安排主变扩容。",
            true,
            When.at(b.workingDaysAgo(40, 9)),
            (i, t) -> {
              i.accept("coord.zg", t.plus(Duration.ofHours(4)), b.rules);
              Instant late = b.dueAt(i, t).plus(Duration.ofHours(1));
              i.overdue(late, b.rules);
              i.accept("coord.gz", b.after(late, 1, 10), b.rules);
              i.escalate("coord.gz", "主变扩容需省电力公司统筹安排，市级无法解决", b.after(late, 4, 16), b.rules);
              Instant province = b.after(late, 5, 9);
              i.accept("coord.jx", province, b.rules);
              i.supervise("coord.jx", "省协调办挂牌督办", b.after(province, 1, 10), b.rules);
            }),
        // 赣州市 level, yellow
        new DemoCase(
            "funding-city-yellow",
            gz2,
            "owner.zg",
            Category.FUNDING,
            Urgency.NORMAL,
            "中央预算内投资资金未及时拨付",
            "今年第二批中央预算内投资3000万元已下达至市财政，至今未拨付到项目单位，工程款支付困难。",
            "请协调市财政局加快资金拨付。",
            true,
            When.latestFor(Warning.YELLOW),
            (i, t) -> {
              i.accept("coord.zg", t.plus(Duration.ofHours(1)), b.rules);
              i.escalate("coord.zg", "资金在市财政局，区级无权调度", t.plus(Duration.ofHours(2)), b.rules);
              i.accept("coord.gz", t.plus(Duration.ofHours(3)), b.rules);
            }),
        // 赣州 county, just reported, not yet accepted
        new DemoCase(
            "land-gz-open",
            gz3,
            "owner.zg",
            Category.LAND,
            Urgency.NORMAL,
            "升压站用地林地审批未办结",
            "升压站选址涉及林地2.3公顷，使用林地审核同意书尚未取得，升压站无法开工。",
            "请林业部门加快林地审核。",
            false,
            When.at(b.now.minus(Duration.ofHours(1))),
            (i, t) -> {}));
  }

  private List<Issue> build(List<ProjectView> nc, List<ProjectView> gz) {
    Book b = new Book();
    List<Map.Entry<String, Planned>> inOrder = new ArrayList<>();
    for (DemoCase c : cases(b, nc, gz)) {
      Story story = b.story(c, c.holdsUpMilestone() ? nextMilestone(c.project()) : List.of());
      inOrder.add(Map.entry(c.key(), new Planned(b.start(c, story), story)));
    }
    inOrder.sort(Comparator.comparing(e -> e.getValue().start()));
    Map<String, Issue> made = new LinkedHashMap<>();
    for (Map.Entry<String, Planned> e : inOrder) {
      Instant start = e.getValue().start();
      Issue issue = e.getValue().story().play(nextNumber(start), start);
      made.put(e.getKey(), store.insert(issue));
    }
    meeting(b, made.get("land-red"), made.get("land-yellow"));
    return List.copyOf(made.values());
  }

  /**
   * The project's next milestone of this year's plan not done yet (project-service's demo leaves
   * one open on the demo owners' projects); none without a plan.
   */
  private List<String> nextMilestone(ProjectView project) {
    return projects.openMilestoneIds(project.id()).stream().limit(1).toList();
  }

  /** 南昌市's meeting on the land cases: one decision open, one done. */
  private void meeting(Book b, Issue red, Issue yellow) {
    Meeting.View meeting =
        meetings.create(
            new MeetingService.NewMeeting(
                "九龙湖片区征地补偿专题协调会",
                "360100",
                b.now.minus(Duration.ofHours(2)),
                List.of("coord.nc", "coord.hgt", "owner.hgt", "manager.nc"),
                List.of(red.id(), yellow.id())),
            COORD_NC);
    meetings.decide(
        meeting.id(),
        new MeetingService.NewDecision(
            red.id(),
            "红谷滩区征迁办牵头，5个工作日内完成九龙湖片区征地补偿标准复核并张榜公示",
            "红谷滩区征迁办",
            null,
            b.after(b.now, 5, 18)),
        COORD_NC);
    Meeting.DecisionView done =
        meetings.decide(
            meeting.id(),
            new MeetingService.NewDecision(
                yellow.id(),
                "市自然资源和规划局出具九龙湖片区统一适用征地补偿标准的意见",
                "南昌市自然资源和规划局",
                "360100",
                b.after(b.now, 3, 18)),
            COORD_NC);
    meetings.done(meeting.id(), done.id(), COORD_NC);
  }

  /** The next number of the case numbering ({@code JX-<year>-<6 digits>}), like intake's. */
  private String nextNumber(Instant at) {
    int year = at.atZone(WorkingCalendar.ZONE).getYear();
    Document counter =
        mongo.findAndModify(
            Query.query(Criteria.where("_id").is("issue-" + year)),
            new Update().inc("seq", 1),
            FindAndModifyOptions.options().upsert(true).returnNew(true),
            Document.class,
            "counters");
    return "JX-%d-%06d".formatted(year, ((Number) counter.get("seq")).longValue());
  }
}
