package cn.gov.jx.majorprojects.support.region;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service gets the region tree ({@code platform.regions.*}).
 *
 * @param ownerUrl the service that owns the tree (project-service); empty: the bundled tree only
 * @param refreshInterval how often the owner is asked again (an imported province shows up within
 *     it)
 */
@ConfigurationProperties("platform.regions")
public record RegionSettings(
    @DefaultValue("") String ownerUrl, @DefaultValue("5m") Duration refreshInterval) {

  public boolean followsOwner() {
    return ownerUrl != null && !ownerUrl.isBlank();
  }
}
