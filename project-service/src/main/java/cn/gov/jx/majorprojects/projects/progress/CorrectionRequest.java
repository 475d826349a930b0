package cn.gov.jx.majorprojects.projects.progress;

import java.time.Instant;

/** A coordinator's or manager's request that the owner correct a filed report, and why. */
record CorrectionRequest(String reason, String by, Instant at) {}
