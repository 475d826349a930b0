package cn.gov.jx.majorprojects.issues.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the grouping ({@code issues.clusters.*}): the most open cases one request compares
 * (the newest first), and the text similarity from which two cases count as the same matter.
 */
@ConfigurationProperties("issues.clusters")
record ClusterProperties(int maxCandidates, double threshold) {

  static final int DEFAULT_MAX_CANDIDATES = 2000;
  static final double DEFAULT_THRESHOLD = 0.30;

  ClusterProperties {
    maxCandidates = maxCandidates <= 0 ? DEFAULT_MAX_CANDIDATES : maxCandidates;
    threshold = threshold <= 0 || threshold > 1 ? DEFAULT_THRESHOLD : threshold;
  }
}
