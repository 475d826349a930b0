package cn.gov.jx.majorprojects.projects.project;

/** Published after a project, its plan or a report was written, so the warning is recomputed. */
public record ProjectInputsChanged(String projectId, String actor) {}
