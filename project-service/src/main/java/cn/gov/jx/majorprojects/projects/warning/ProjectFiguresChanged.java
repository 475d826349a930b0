package cn.gov.jx.majorprojects.projects.warning;

/** Published once a project's inputs and its warning are written, so roll-ups follow. */
public record ProjectFiguresChanged(String projectId) {}
