package cn.gov.jx.majorprojects.issues.cluster;

import cn.gov.jx.majorprojects.support.security.PlatformUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Likely groups of open cases that are the same matter, for coordinators and managers. */
@RestController
class ClusterController {

  private final ClusterService clusters;

  ClusterController(ClusterService clusters) {
    this.clusters = clusters;
  }

  @GetMapping("/api/issues/clusters")
  ClusterService.Clusters clusters(
      @RequestParam(required = false) String regionCode, PlatformUser user) {
    return clusters.find(regionCode, user);
  }
}
