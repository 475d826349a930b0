package cn.gov.jx.majorprojects.issues.client.project;

/** A project as project-service's {@code /internal/projects} answers it (contract 1). */
public record ProjectView(
    String id,
    String code,
    String name,
    String level,
    String regionCode,
    String ownerOrg,
    String ownerOrgName,
    String status) {}
