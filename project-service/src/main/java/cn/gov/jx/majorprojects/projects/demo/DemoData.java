package cn.gov.jx.majorprojects.projects.demo;

import cn.gov.jx.majorprojects.projects.plan.AnnualPlanRequest;
import cn.gov.jx.majorprojects.projects.plan.AnnualPlanService;
import cn.gov.jx.majorprojects.projects.progress.ProgressReportRequest;
import cn.gov.jx.majorprojects.projects.progress.ProgressReportService;
import cn.gov.jx.majorprojects.projects.progress.SiteState;
import cn.gov.jx.majorprojects.projects.project.Industry;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectLevel;
import cn.gov.jx.majorprojects.projects.project.ProjectRequest;
import cn.gov.jx.majorprojects.projects.project.ProjectService;
import cn.gov.jx.majorprojects.projects.project.ProjectStatus;
import cn.gov.jx.majorprojects.projects.region.RegionCatalog;
import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A deterministic Jiangxi demo set (fixed seed), loaded once when {@code PROJECTS_DEMO_DATA} is
 * true. It goes through the same services as the API, so warnings and roll-ups come out right.
 */
@Component
@ConditionalOnProperty(name = "projects.demo-data", havingValue = "true")
class DemoData {

  static final String MARKER = "jiangxi-demo-v1";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final long SEED = 20260101L;
  private static final String[] KINDS = {
    "快速路", "污水处理厂", "光伏电站", "产业园标准厂房", "综合医院", "水库除险加固", "安置房", "物流园", "学校新建", "供水管网"
  };
  private static final Industry[] INDUSTRY_OF_KIND = {
    Industry.TRANSPORT,
    Industry.WATER,
    Industry.ENERGY,
    Industry.INDUSTRY,
    Industry.SOCIAL,
    Industry.WATER,
    Industry.URBAN,
    Industry.TRANSPORT,
    Industry.SOCIAL,
    Industry.URBAN
  };

  private static final String[] MILESTONES = {"上半年形象进度目标", "主体工程阶段验收", "年度投资计划完成"};
  private static final int[] MILESTONE_MONTHS = {6, 9, 12};

  private final MongoTemplate mongo;
  private final RegionCatalog regions;
  private final ProjectService projects;
  private final AnnualPlanService plans;
  private final ProgressReportService reports;
  private final Clock clock;

  DemoData(
      MongoTemplate mongo,
      RegionCatalog regions,
      ProjectService projects,
      AnnualPlanService plans,
      ProgressReportService reports,
      Clock clock) {
    this.mongo = mongo;
    this.regions = regions;
    this.projects = projects;
    this.plans = plans;
    this.reports = reports;
    this.clock = clock;
  }

  /** After start (the region tree is seeded by then), on its own thread so readiness waits not. */
  @EventListener(ApplicationReadyEvent.class)
  void loadOnce() {
    try {
      // the marker is written first, so two instances starting together never both load
      mongo.insert(new Document("_id", MARKER).append("state", "loading"), "demo_data");
    } catch (DuplicateKeyException e) {
      log.info("demo data already loaded");
      return;
    }
    Thread loader = new Thread(this::load, "demo-data");
    loader.setDaemon(true);
    loader.start();
  }

  void load() {
    long started = System.nanoTime();
    int count = generate();
    mongo
        .getCollection("demo_data")
        .updateOne(
            new Document("_id", MARKER),
            new Document("$set", new Document("state", "done").append("projects", count)));
    log.info("loaded {} demo projects in {} ms", count, (System.nanoTime() - started) / 1_000_000);
  }

  int generate() {
    Random random = new Random(SEED);
    RegionTree tree = regions.tree();
    PlatformUser admin =
        new PlatformUser("demo-loader", "演示数据", Set.of(PlatformRole.ADMIN), "360000", null);
    LocalDate today = LocalDate.now(clock);
    YearMonth thisMonth = YearMonth.from(today);
    List<Region> counties =
        tree.all().stream().filter(r -> r.level() == RegionLevel.COUNTY).toList();
    int serial = 0;
    int made = 0;
    for (Region county : counties) {
      int perCounty = 2 + random.nextInt(3);
      // the demo users' organisations get a few more projects in their counties
      String org = null;
      String orgName = null;
      if (county.code().equals("360113")) {
        org = "org-nc-metro";
        orgName = "南昌轨道交通集团";
        perCounty = 6;
      } else if (county.code().equals("360702")) {
        org = "org-gz-energy";
        orgName = "赣州能源集团";
        perCounty = 6;
      }
      for (int i = 0; i < perCounty; i++) {
        serial++;
        int kind = random.nextInt(KINDS.length);
        boolean demoOrg = org != null && i % 2 == 0;
        String owner = demoOrg ? org : "org-demo-" + county.code() + "-" + i;
        String ownerName =
            org != null && i % 2 == 0 ? orgName : county.name() + KINDS[kind] + "建设公司";
        try {
          made +=
              one(random, admin, county, serial, kind, owner, ownerName, demoOrg, today, thisMonth);
        } catch (RuntimeException e) {
          log.warn("demo project {} skipped: {}", serial, e.toString());
        }
      }
    }
    return made;
  }

  private int one(
      Random random,
      PlatformUser admin,
      Region county,
      int serial,
      int kind,
      String owner,
      String ownerName,
      boolean demoOrg,
      LocalDate today,
      YearMonth thisMonth) {
    int roll = random.nextInt(100);
    // the demo owners' projects are all building: their reports, milestones and blockers tell the
    // story
    ProjectStatus status =
        roll < 60 || demoOrg
            ? ProjectStatus.UNDER_CONSTRUCTION
            : roll < 80 ? ProjectStatus.PRE_CONSTRUCTION : ProjectStatus.PLANNED;
    ProjectLevel level =
        ProjectLevel.values()[random.nextInt(10) < 2 ? 0 : random.nextInt(10) < 5 ? 1 : 2];
    int year = today.getYear();
    LocalDate plannedStart =
        status == ProjectStatus.PLANNED
            ? LocalDate.of(year + 1, 1 + random.nextInt(12), 1)
            : LocalDate.of(year, 1 + random.nextInt(Math.max(1, today.getMonthValue())), 1);
    LocalDate plannedFinish = plannedStart.plusYears(1 + random.nextInt(3)).minusDays(1);
    BigDecimal total = BigDecimal.valueOf(5_000 + random.nextInt(195_000));
    String code =
        "%d-%s-%02d-%02d-%06d"
            .formatted(year, county.code(), 10 + kind, 1 + random.nextInt(3), 900_000 + serial);
    Project p =
        projects.create(
            admin,
            new ProjectRequest(
                code,
                county.name() + KINDS[kind] + "项目",
                level,
                county.code(),
                INDUSTRY_OF_KIND[kind],
                owner,
                ownerName,
                total,
                plannedStart,
                plannedFinish,
                status,
                "演示数据"));
    if (status == ProjectStatus.PLANNED) {
      return 1;
    }
    BigDecimal annual =
        total
            .multiply(BigDecimal.valueOf(20 + random.nextInt(30)))
            .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
    plans.put(
        admin,
        p.getId(),
        year,
        new AnnualPlanRequest(
            annual,
            status == ProjectStatus.UNDER_CONSTRUCTION
                ? milestones(new Random(SEED + serial), year, today, demoOrg)
                : List.of()));
    if (status != ProjectStatus.UNDER_CONSTRUCTION) {
      return 1;
    }
    // pace factor: most on pace, some behind (yellow/red), a few suspended sites (red)
    int pace = random.nextInt(100);
    double factor = pace < 60 ? 1.0 + random.nextDouble() * 0.2 : pace < 80 ? 0.75 : 0.4;
    boolean suspends = random.nextInt(100) < 8;
    PlatformUser ownerUser =
        new PlatformUser("demo-owner", "演示业主", Set.of(PlatformRole.OWNER), county.code(), owner);
    BigDecimal monthly = annual.divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP);
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(plannedStart); m.isBefore(thisMonth); m = m.plusMonths(1)) {
      months.add(m);
    }
    for (int i = 0; i < months.size(); i++) {
      YearMonth m = months.get(i);
      boolean last = i == months.size() - 1;
      boolean stopped = suspends && last;
      BigDecimal amount =
          stopped
              ? BigDecimal.ZERO
              : monthly
                  .multiply(BigDecimal.valueOf(factor * (0.9 + random.nextDouble() * 0.2)))
                  .setScale(4, RoundingMode.HALF_UP);
      int workers = stopped ? 0 : 50 + random.nextInt(400);
      BigDecimal progress =
          BigDecimal.valueOf(Math.min(100, (i + 1) * 100L / Math.max(12, months.size() + 6)));
      reports.submit(
          ownerUser,
          p.getId(),
          m.toString(),
          new ProgressReportRequest(
              amount,
              progress,
              workers,
              stopped ? SiteState.SUSPENDED : SiteState.WORKING,
              stopped ? "征地拆迁未完成，停工待处理" : null,
              null));
    }
    return 1;
  }

  /**
   * The year's three milestones of a building project: the ones already due are done a few days
   * late at most, except the third quarter's of some projects (always of the demo owners'), left
   * open so the blockers issue-service's demo ties to it hold up investment (its own random, so the
   * projects' other figures stay those of the seed).
   */
  static List<AnnualPlanRequest.MilestoneRequest> milestones(
      Random random, int year, LocalDate today, boolean demoOrg) {
    boolean thirdQuarterOpen = demoOrg || random.nextInt(100) < 30;
    List<AnnualPlanRequest.MilestoneRequest> out = new ArrayList<>();
    for (int q = 0; q < MILESTONES.length; q++) {
      LocalDate planned = LocalDate.of(year, MILESTONE_MONTHS[q], 1).plusMonths(1).minusDays(1);
      LocalDate actual = planned.plusDays(random.nextInt(8));
      boolean done = !actual.isAfter(today) && !(q == 1 && thirdQuarterOpen);
      out.add(
          new AnnualPlanRequest.MilestoneRequest(
              null, MILESTONES[q], planned, done ? actual : null));
    }
    return out;
  }
}
