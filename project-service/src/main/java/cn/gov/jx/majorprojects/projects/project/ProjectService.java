package cn.gov.jx.majorprojects.projects.project;

import static cn.gov.jx.majorprojects.support.mongo.Filters.equalIfGiven;

import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.Jurisdiction;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Registering, changing, reading and listing projects within the caller's scope. */
@Service
public class ProjectService {

  private final ProjectRepository repository;
  private final MongoTemplate mongo;
  private final Jurisdiction jurisdiction;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ProjectService(
      ProjectRepository repository,
      MongoTemplate mongo,
      Jurisdiction jurisdiction,
      Clock clock,
      ApplicationEventPublisher events) {
    this.repository = repository;
    this.mongo = mongo;
    this.jurisdiction = jurisdiction;
    this.clock = clock;
    this.events = events;
  }

  /** Lets the warning follow the change, then answers the project as it now stands. */
  private Project changed(Project saved, PlatformUser user) {
    events.publishEvent(new ProjectInputsChanged(saved.getId(), user.username()));
    return repository.findById(saved.getId()).orElse(saved);
  }

  /** What {@link #create} would refuse, as field problems (the region check included). */
  List<FieldProblem> problemsOf(PlatformUser user, ProjectRequest request) {
    RegionTree tree = jurisdiction.tree();
    List<FieldProblem> errors = new ArrayList<>();
    checkCounty(tree, request.regionCode(), errors);
    checkDates(request.plannedStart(), request.plannedFinish(), errors);
    if (request.status() != null && !request.status().isInitial()) {
      errors.add(
          new FieldProblem(
              "status", "a new project is PLANNED, PRE_CONSTRUCTION or UNDER_CONSTRUCTION"));
    }
    if (errors.isEmpty() && !ProjectAccess.canWrite(user, request.regionCode(), jurisdiction)) {
      errors.add(
          new FieldProblem("regionCode", "may not register projects in " + request.regionCode()));
    }
    if (repository.existsByCode(request.code())) {
      errors.add(new FieldProblem("code", request.code() + " already exists"));
    }
    return errors;
  }

  public Project create(PlatformUser user, ProjectRequest request) {
    RegionTree tree = jurisdiction.tree();
    List<FieldProblem> errors = new ArrayList<>();
    checkCounty(tree, request.regionCode(), errors);
    checkDates(request.plannedStart(), request.plannedFinish(), errors);
    ProjectStatus status = request.status() == null ? ProjectStatus.PLANNED : request.status();
    if (!status.isInitial()) {
      errors.add(
          new FieldProblem(
              "status", "a new project is PLANNED, PRE_CONSTRUCTION or UNDER_CONSTRUCTION"));
    }
    failOn(errors);
    if (!ProjectAccess.canWrite(user, request.regionCode(), jurisdiction)) {
      throw new AccessDeniedException("may not register projects in " + request.regionCode());
    }
    if (repository.existsByCode(request.code())) {
      throw new ConflictException("A project with code " + request.code() + " already exists");
    }
    Project p = new Project();
    p.setCode(request.code());
    p.setName(request.name().strip());
    p.setLevel(request.level());
    p.setRegionCode(request.regionCode());
    p.setIndustry(request.industry());
    p.setOwnerOrg(request.ownerOrg().strip());
    p.setOwnerOrgName(request.ownerOrgName().strip());
    p.setTotalInvestment(request.totalInvestment());
    p.setPlannedStart(request.plannedStart());
    p.setPlannedFinish(request.plannedFinish());
    p.setDescription(request.description());
    p.setStatus(ProjectStatus.PLANNED);
    LocalDate today = LocalDate.now(clock);
    if (status == ProjectStatus.PRE_CONSTRUCTION || status == ProjectStatus.UNDER_CONSTRUCTION) {
      p.moveTo(ProjectStatus.PRE_CONSTRUCTION, today);
    }
    if (status == ProjectStatus.UNDER_CONSTRUCTION) {
      p.moveTo(ProjectStatus.UNDER_CONSTRUCTION, today);
    }
    p.setCreatedAt(clock.instant());
    p.setUpdatedAt(p.getCreatedAt());
    return changed(repository.insert(p), user);
  }

  /** The project if the caller may see it; otherwise 404, so its existence does not leak. */
  public Project get(PlatformUser user, String id) {
    Project p = repository.findById(id).orElseThrow(() -> new NotFoundException("Project", id));
    if (!ProjectAccess.canRead(user, p, jurisdiction)) {
      throw new NotFoundException("Project", id);
    }
    return p;
  }

  /** The project if the caller may change its registry data (admin, manager in scope): 404/403. */
  public Project getWritable(PlatformUser user, String id) {
    Project p = get(user, id);
    if (!ProjectAccess.canWrite(user, p.getRegionCode(), jurisdiction)) {
      throw new AccessDeniedException("may not change project " + id);
    }
    return p;
  }

  /** Under-construction projects in the caller's scope and the given region's subtree. */
  public List<Project> underConstruction(PlatformUser user, String regionCode) {
    Query query =
        new Query(
            new Criteria()
                .andOperator(
                    scope(user, regionCode),
                    Criteria.where("status").is(ProjectStatus.UNDER_CONSTRUCTION)));
    return mongo.find(query.with(Sort.by("code")), Project.class);
  }

  Project patch(PlatformUser user, String id, ProjectPatch patch) {
    RegionTree tree = jurisdiction.tree();
    Project p = getWritable(user, id);
    List<FieldProblem> errors = new ArrayList<>();
    if (patch.regionCode() != null) {
      checkCounty(tree, patch.regionCode(), errors);
    }
    LocalDate start = Optional.ofNullable(patch.plannedStart()).orElse(p.getPlannedStart());
    LocalDate finish = Optional.ofNullable(patch.plannedFinish()).orElse(p.getPlannedFinish());
    checkDates(start, finish, errors);
    failOn(errors);
    if (patch.regionCode() != null
        && !ProjectAccess.canWrite(user, patch.regionCode(), jurisdiction)) {
      throw new AccessDeniedException("may not move a project to " + patch.regionCode());
    }
    if (!patch.version().equals(p.getVersion())) {
      throw new OptimisticLockingFailureException("stale version " + patch.version());
    }
    if (patch.code() != null && !patch.code().equals(p.getCode())) {
      if (repository.existsByCode(patch.code())) {
        throw new ConflictException("A project with code " + patch.code() + " already exists");
      }
      p.setCode(patch.code());
    }
    if (patch.status() != null && patch.status() != p.getStatus()) {
      if (!p.getStatus().canMoveTo(patch.status())) {
        throw new ConflictException(
            "A " + p.getStatus() + " project cannot move to " + patch.status());
      }
      p.moveTo(patch.status(), LocalDate.now(clock));
    }
    Optional.ofNullable(patch.name()).map(String::strip).ifPresent(p::setName);
    Optional.ofNullable(patch.level()).ifPresent(p::setLevel);
    Optional.ofNullable(patch.regionCode()).ifPresent(p::setRegionCode);
    Optional.ofNullable(patch.industry()).ifPresent(p::setIndustry);
    Optional.ofNullable(patch.ownerOrg()).map(String::strip).ifPresent(p::setOwnerOrg);
    Optional.ofNullable(patch.ownerOrgName()).map(String::strip).ifPresent(p::setOwnerOrgName);
    Optional.ofNullable(patch.totalInvestment()).ifPresent(p::setTotalInvestment);
    p.setPlannedStart(start);
    p.setPlannedFinish(finish);
    Optional.ofNullable(patch.description()).ifPresent(p::setDescription);
    p.setUpdatedAt(clock.instant());
    // a targeted $set, so derived fields (warning, outbox) written meanwhile are never overwritten
    Update update =
        new Update()
            .set("code", p.getCode())
            .set("name", p.getName())
            .set("level", p.getLevel())
            .set("regionCode", p.getRegionCode())
            .set("industry", p.getIndustry())
            .set("ownerOrg", p.getOwnerOrg())
            .set("ownerOrgName", p.getOwnerOrgName())
            .set("totalInvestment", p.getTotalInvestment())
            .set("plannedStart", p.getPlannedStart())
            .set("plannedFinish", p.getPlannedFinish())
            .set("actualStart", p.getActualStart())
            .set("status", p.getStatus())
            .set("description", p.getDescription())
            .set("updatedAt", p.getUpdatedAt());
    Query current =
        Query.query(Criteria.where("_id").is(p.getId()).and("version").is(patch.version()));
    if (mongo.updateFirst(current, update, Project.class).getMatchedCount() == 0) {
      throw new OptimisticLockingFailureException("stale version " + patch.version());
    }
    return changed(p, user);
  }

  Page<Project> list(PlatformUser user, ProjectFilter filter, Pageable pageable) {
    Query query = new Query(filterCriteria(user, filter));
    Query counting = Query.of(query);
    List<Project> content = mongo.find(query.with(pageable), Project.class);
    return PageableExecutionUtils.getPage(
        content, pageable, () -> mongo.count(counting, Project.class));
  }

  /**
   * The list's {@code warning} order on the stored severity: ascending means red first (the order
   * people read a warning list in), descending green first.
   */
  static Pageable byWarningSeverity(Pageable pageable) {
    Sort.Order byWarning = pageable.getSort().getOrderFor("warning");
    if (byWarning == null) {
      return pageable;
    }
    Sort order =
        Sort.by(
            pageable.getSort().stream()
                .map(
                    o ->
                        o.getProperty().equals("warning")
                            ? new Sort.Order(
                                o.isAscending() ? Sort.Direction.DESC : Sort.Direction.ASC,
                                "warningSeverity")
                            : o)
                .toList());
    return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), order);
  }

  /** Everything the list filter matches, by code; refused when more than {@code max} match. */
  List<Project> export(PlatformUser user, ProjectFilter filter, int max) {
    Criteria criteria = filterCriteria(user, filter);
    long matching = mongo.count(new Query(criteria), Project.class);
    if (matching > max) {
      throw BadRequestException.field(
          "regionCode", matching + " projects match; narrow the filters to at most " + max);
    }
    return mongo.find(new Query(criteria).with(Sort.by("code")), Project.class);
  }

  /** Every project the caller sees in a region's subtree (all of its scope when null), by code. */
  public List<Project> inScope(PlatformUser user, String regionCode, int max) {
    return export(user, new ProjectFilter(regionCode, null, null, null, null, null, null), max);
  }

  private Criteria filterCriteria(PlatformUser user, ProjectFilter filter) {
    List<Criteria> all = new ArrayList<>();
    all.add(scope(user, filter.regionCode()));
    equalIfGiven(all, "level", filter.level());
    equalIfGiven(all, "status", filter.status());
    equalIfGiven(all, "industry", filter.industry());
    if (filter.warning() != null) {
      all.add(Criteria.where("warningSeverity").is(filter.warning().severity()));
    }
    if (filter.ownerOrg() != null && !filter.ownerOrg().isBlank()) {
      all.add(Criteria.where("ownerOrg").is(filter.ownerOrg()));
    }
    if (filter.q() != null && !filter.q().isBlank()) {
      String literal = Pattern.quote(filter.q().strip());
      all.add(
          new Criteria()
              .orOperator(
                  Criteria.where("name").regex(literal, "i"),
                  Criteria.where("code").regex(literal, "i")));
    }
    return new Criteria().andOperator(all);
  }

  public Optional<Project> findForService(String id) {
    return repository.findById(id);
  }

  /** The projects of one owner organisation, by code (for other services' start-up jobs). */
  List<Project> findByOwnerOrgForService(String ownerOrg) {
    return repository.findByOwnerOrgOrderByCode(ownerOrg);
  }

  List<Project> findAllForService(Collection<String> ids) {
    List<Project> found = new ArrayList<>();
    repository.findAllById(ids).forEach(found::add);
    return found;
  }

  /** What the caller may see, narrowed to a region's subtree when one is asked for. */
  private Criteria scope(PlatformUser user, String regionCode) {
    RegionTree tree = jurisdiction.tree();
    List<Criteria> all = new ArrayList<>();
    if (regionCode != null && !regionCode.isBlank()) {
      all.add(Criteria.where("regionCode").in(codesBelow(tree, regionCode)));
    }
    if (!user.has(PlatformRole.ADMIN)) {
      if (user.hasAny(PlatformRole.COORDINATOR, PlatformRole.MANAGER) && user.region() != null) {
        all.add(Criteria.where("regionCode").in(codesBelow(tree, user.region())));
      } else if (user.has(PlatformRole.OWNER) && user.org() != null) {
        all.add(Criteria.where("ownerOrg").is(user.org()));
      } else {
        all.add(Criteria.where("_id").is(null));
      }
    }
    return all.isEmpty() ? Criteria.where("_id").exists(true) : new Criteria().andOperator(all);
  }

  private static Set<String> codesBelow(RegionTree tree, String code) {
    return tree.subtree(code).stream().map(Region::code).collect(Collectors.toSet());
  }

  private static void checkCounty(RegionTree tree, String code, List<FieldProblem> errors) {
    Optional<Region> region = tree.find(code);
    if (region.isEmpty()) {
      errors.add(new FieldProblem("regionCode", "unknown region " + code));
    } else if (region.get().level() != RegionLevel.COUNTY) {
      errors.add(new FieldProblem("regionCode", "must be a county, not a " + region.get().level()));
    }
  }

  private static void checkDates(LocalDate start, LocalDate finish, List<FieldProblem> errors) {
    if (start != null && finish != null && finish.isBefore(start)) {
      errors.add(new FieldProblem("plannedFinish", "must not be before plannedStart"));
    }
  }

  private static void failOn(List<FieldProblem> errors) {
    if (!errors.isEmpty()) {
      throw new BadRequestException("The request has invalid fields", errors);
    }
  }
}
