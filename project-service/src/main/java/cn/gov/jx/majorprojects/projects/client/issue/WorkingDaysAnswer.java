package cn.gov.jx.majorprojects.projects.client.issue;

import java.time.LocalDate;
import java.util.List;

/** issue-service's working days (its admin-kept calendar) from {@code from} to {@code to}. */
public record WorkingDaysAnswer(LocalDate from, LocalDate to, List<LocalDate> workingDays) {}
