package cn.gov.jx.majorprojects.gateway.me;

import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code GET /api/me}: the caller's profile, answered by the gateway from the token. */
@RestController
class MeController {

  private final RegionTree regions;
  private final ServerOAuth2AuthorizedClientRepository authorizedClients;
  private final ReactiveJwtDecoder jwtDecoder;

  MeController(
      RegionTree regions,
      ServerOAuth2AuthorizedClientRepository authorizedClients,
      ReactiveJwtDecoder jwtDecoder) {
    this.regions = regions;
    this.authorizedClients = authorizedClients;
    this.jwtDecoder = jwtDecoder;
  }

  /**
   * Bearer callers are described by their token; browser sessions by the access token they hold.
   */
  @GetMapping("/api/me")
  Mono<Me> me(Authentication authentication, ServerWebExchange exchange) {
    if (authentication instanceof OAuth2AuthenticationToken login) {
      return authorizedClients
          .<OAuth2AuthorizedClient>loadAuthorizedClient(
              login.getAuthorizedClientRegistrationId(), login, exchange)
          .flatMap(client -> jwtDecoder.decode(client.getAccessToken().getTokenValue()))
          .map(this::describe);
    }
    return Mono.just(describe((Jwt) authentication.getPrincipal()));
  }

  private Me describe(Jwt jwt) {
    PlatformUser user = PlatformUser.from(jwt);
    RegionRef region =
        user.region() == null
            ? null
            : regions
                .find(user.region())
                .map(r -> new RegionRef(r.code(), r.name(), r.level()))
                .orElseGet(() -> new RegionRef(user.region(), null, user.level()));
    return new Me(
        user.username(),
        user.displayName(),
        user.roles().stream().map(PlatformRole::realmName).sorted().toList(),
        region,
        user.org());
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Me(
      String username, String displayName, List<String> roles, RegionRef region, String org) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RegionRef(String code, String name, RegionLevel level) {}
}
