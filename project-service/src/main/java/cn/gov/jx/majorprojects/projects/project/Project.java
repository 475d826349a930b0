package cn.gov.jx.majorprojects.projects.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * A key project in the registry. Amounts are in 10k CNY and stored as Decimal128. The compound
 * indexes serve the list by warning (filter and red-first order, ties by code) in each scope: a
 * region subtree, an owner organisation, everything (admin).
 */
@Document("projects")
@CompoundIndex(name = "region_warning", def = "{'regionCode': 1, 'warningSeverity': -1, 'code': 1}")
@CompoundIndex(name = "owner_warning", def = "{'ownerOrg': 1, 'warningSeverity': -1, 'code': 1}")
@CompoundIndex(name = "warning", def = "{'warningSeverity': -1, 'code': 1}")
public class Project {

  @Id private String id;

  @Indexed(unique = true)
  private String code;

  private String name;
  @Indexed private ProjectLevel level;
  @Indexed private String regionCode;
  @Indexed private Industry industry;
  @Indexed private String ownerOrg;
  private String ownerOrgName;

  @Field(targetType = FieldType.DECIMAL128)
  private BigDecimal totalInvestment;

  private LocalDate plannedStart;
  private LocalDate plannedFinish;
  private LocalDate actualStart;
  @Indexed private ProjectStatus status;
  private String description;
  private Warning warning = Warning.green();
  // the light's Level.severity(), written with it: what the list filters and sorts on
  private int warningSeverity = Warning.Level.GREEN.severity();
  // undelivered events (contract 3), written with the change that caused them; the relay drains it
  private List<org.bson.Document> outbox = new ArrayList<>();
  private Instant createdAt;
  private Instant updatedAt;
  @Version private Long version;

  /** Moves along the lifecycle; the first move into construction records the start date. */
  void moveTo(ProjectStatus target, LocalDate today) {
    if (!status.canMoveTo(target)) {
      throw new IllegalStateException(status + " cannot move to " + target);
    }
    if (target == ProjectStatus.UNDER_CONSTRUCTION && actualStart == null) {
      actualStart = today;
    }
    status = target;
  }

  public String getId() {
    return id;
  }

  void setId(String id) {
    this.id = id;
  }

  public String getCode() {
    return code;
  }

  void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  void setName(String name) {
    this.name = name;
  }

  public ProjectLevel getLevel() {
    return level;
  }

  void setLevel(ProjectLevel level) {
    this.level = level;
  }

  public String getRegionCode() {
    return regionCode;
  }

  void setRegionCode(String regionCode) {
    this.regionCode = regionCode;
  }

  public Industry getIndustry() {
    return industry;
  }

  void setIndustry(Industry industry) {
    this.industry = industry;
  }

  public String getOwnerOrg() {
    return ownerOrg;
  }

  void setOwnerOrg(String ownerOrg) {
    this.ownerOrg = ownerOrg;
  }

  public String getOwnerOrgName() {
    return ownerOrgName;
  }

  void setOwnerOrgName(String ownerOrgName) {
    this.ownerOrgName = ownerOrgName;
  }

  public BigDecimal getTotalInvestment() {
    return totalInvestment;
  }

  void setTotalInvestment(BigDecimal totalInvestment) {
    this.totalInvestment = totalInvestment;
  }

  public LocalDate getPlannedStart() {
    return plannedStart;
  }

  void setPlannedStart(LocalDate plannedStart) {
    this.plannedStart = plannedStart;
  }

  public LocalDate getPlannedFinish() {
    return plannedFinish;
  }

  void setPlannedFinish(LocalDate plannedFinish) {
    this.plannedFinish = plannedFinish;
  }

  public LocalDate getActualStart() {
    return actualStart;
  }

  void setActualStart(LocalDate actualStart) {
    this.actualStart = actualStart;
  }

  public ProjectStatus getStatus() {
    return status;
  }

  void setStatus(ProjectStatus status) {
    this.status = status;
  }

  public String getDescription() {
    return description;
  }

  void setDescription(String description) {
    this.description = description;
  }

  public Warning getWarning() {
    return warning;
  }

  void setWarning(Warning warning) {
    this.warning = warning;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }

  public List<org.bson.Document> getOutbox() {
    return outbox;
  }

  public Long getVersion() {
    return version;
  }

  void setVersion(Long version) {
    this.version = version;
  }
}
