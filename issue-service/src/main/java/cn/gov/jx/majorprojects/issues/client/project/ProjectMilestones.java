package cn.gov.jx.majorprojects.issues.client.project;

import java.time.LocalDate;
import java.util.List;

/** project-service's {@code /internal/projects/{id}/milestones}: this year's plan's milestones. */
record ProjectMilestones(String projectId, int year, List<Milestone> milestones) {

  record Milestone(String id, String name, LocalDate plannedDate, boolean done) {}
}
