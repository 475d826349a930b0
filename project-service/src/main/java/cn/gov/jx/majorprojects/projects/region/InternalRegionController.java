package cn.gov.jx.majorprojects.projects.region;

import cn.gov.jx.majorprojects.support.region.Region;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole region tree for the other services, which follow this catalog (client-credentials
 * tokens only, see security): every division, flat, parents named by code.
 */
@RestController
class InternalRegionController {

  private final RegionCatalog catalog;

  InternalRegionController(RegionCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/internal/regions")
  List<Region> all() {
    return List.copyOf(catalog.tree().all());
  }
}
