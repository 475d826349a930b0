package cn.gov.jx.majorprojects.projects.project;

/** Filters of {@code GET /api/projects}; each one is optional. */
record ProjectFilter(
    String regionCode,
    ProjectLevel level,
    ProjectStatus status,
    Industry industry,
    String ownerOrg,
    String q,
    Warning.Level warning) {}
