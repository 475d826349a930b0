package cn.gov.jx.majorprojects.notifications.client.keycloak;

import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.recipient.DirectoryUser;
import cn.gov.jx.majorprojects.notifications.recipient.UserDirectory;
import cn.gov.jx.majorprojects.support.client.AnswerLimit;
import cn.gov.jx.majorprojects.support.client.ServiceToken;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Users by realm role from Keycloak's Admin REST API, with the {@code services} client's service
 * account (view-users/query-users); each role's list is reused for a short time. An answer that is
 * not what the Admin API answers (an empty body, users without a username, a body over {@link
 * AnswerLimit}'s bound) is an error, never "nobody has this role": the event waits for a later try.
 */
@Component
class KeycloakUserDirectory implements UserDirectory {

  private static final int PAGE = 500;

  private final RestClient rest;
  private final ServiceToken token;
  private final NotificationProperties.Keycloak settings;
  private final Clock clock;
  private final Map<PlatformRole, Cached> cache = new ConcurrentHashMap<>();
  private volatile boolean roleListingForbidden;

  KeycloakUserDirectory(
      ServiceToken token, NotificationProperties properties, Clock clock, Environment environment) {
    this.settings = properties.keycloak();
    this.rest =
        RestClient.builder()
            .baseUrl(settings.adminUrl())
            .requestInterceptor(
                AnswerLimit.restClientInterceptor(AnswerLimit.maxBytes(environment)))
            .build();
    this.token = token;
    this.clock = clock;
  }

  @Override
  public List<DirectoryUser> usersWithRole(PlatformRole role) {
    try {
      return lookUp(role);
    } catch (HttpClientErrorException.Unauthorized refused) {
      // Keycloak no longer accepts the held token (its keys changed): once more with a new one
      token.invalidate();
      return lookUp(role);
    }
  }

  private List<DirectoryUser> lookUp(PlatformRole role) {
    Instant now = clock.instant();
    Cached hit = cache.get(role);
    if (hit != null && hit.until().isAfter(now)) {
      return hit.users();
    }
    String bearer = token.bearer();
    if (!roleListingForbidden) {
      try {
        List<DirectoryUser> users =
            toDirectory(
                role, pages("/admin/realms/{realm}/roles/{role}/users", bearer, role.realmName()));
        cache.put(role, new Cached(users, now.plus(settings.cacheTtl())));
        return users;
      } catch (HttpClientErrorException.Forbidden needsViewRealm) {
        // listing a role's users also needs view-realm; view-users alone allows the slower way
        roleListingForbidden = true;
      }
    }
    // the slower way reads every user's roles, so it fills the cache for all roles at once
    Map<PlatformRole, List<KeycloakUser>> byRole = new EnumMap<>(PlatformRole.class);
    for (PlatformRole each : PlatformRole.values()) {
      byRole.put(each, new ArrayList<>());
    }
    for (KeycloakUser user : pages("/admin/realms/{realm}/users", bearer, null)) {
      if (user.id() == null) {
        throw malformed("a user without an id");
      }
      List<RoleName> roles =
          rest.get()
              .uri(
                  "/admin/realms/{realm}/users/{id}/role-mappings/realm/composite",
                  settings.realm(),
                  user.id())
              .header(HttpHeaders.AUTHORIZATION, bearer)
              .retrieve()
              .body(new ParameterizedTypeReference<List<RoleName>>() {});
      for (RoleName name : wellFormed(roles, "role mappings")) {
        if (name == null || name.name() == null) {
          throw malformed("a role mapping without a name");
        }
        PlatformRole.fromRealmName(name.name()).ifPresent(r -> byRole.get(r).add(user));
      }
    }
    byRole.forEach(
        (r, users) ->
            cache.put(r, new Cached(toDirectory(r, users), now.plus(settings.cacheTtl()))));
    return cache.get(role).users();
  }

  private List<KeycloakUser> pages(String path, String bearer, String role) {
    List<KeycloakUser> all = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      String uri = path + "?briefRepresentation=false&first={first}&max={max}";
      Object[] vars =
          role == null
              ? new Object[] {settings.realm(), first, PAGE}
              : new Object[] {settings.realm(), role, first, PAGE};
      List<KeycloakUser> page =
          rest.get()
              .uri(uri, vars)
              .header(HttpHeaders.AUTHORIZATION, bearer)
              .retrieve()
              .body(new ParameterizedTypeReference<List<KeycloakUser>>() {});
      if (wellFormed(page, "users").isEmpty()) {
        break;
      }
      for (KeycloakUser user : page) {
        if (user == null || user.username() == null) {
          throw malformed("a user without a username");
        }
      }
      all.addAll(page);
      if (page.size() < PAGE) {
        break;
      }
    }
    return all;
  }

  private static List<DirectoryUser> toDirectory(PlatformRole role, List<KeycloakUser> users) {
    return users.stream()
        .filter(u -> u.enabled() == null || u.enabled())
        .map(
            u ->
                new DirectoryUser(
                    u.username(), role, u.attribute("region"), u.attribute("org"), u.email()))
        .toList();
  }

  private static <T> List<T> wellFormed(List<T> answer, String what) {
    if (answer == null) {
      throw malformed("an empty body for " + what);
    }
    return answer;
  }

  private static IllegalStateException malformed(String what) {
    return new IllegalStateException("Keycloak's Admin API answered " + what);
  }

  record RoleName(String name) {}

  record KeycloakUser(
      String id,
      String username,
      String email,
      Boolean enabled,
      Map<String, List<String>> attributes) {
    String attribute(String name) {
      List<String> values = attributes == null ? null : attributes.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private record Cached(List<DirectoryUser> users, Instant until) {}
}
