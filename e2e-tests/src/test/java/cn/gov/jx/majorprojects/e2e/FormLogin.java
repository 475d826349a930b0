package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's login without a browser: the console page, Keycloak's login form filled in and sent,
 * the code brought back to the gateway, each redirect followed by hand so each step is checked.
 */
final class FormLogin {

  private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager(new PlainHttpCookies(), CookiePolicy.ACCEPT_ALL))
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** How long the gateway took to turn Keycloak's code into a session (the callback). */
  Duration callback;

  /** Logs {@code username} in, starting at {@code page}; returns the body of {@code /api/me}. */
  String login(String page, String username) throws Exception {
    URI toLogin = redirect(get(URI.create(GATEWAY + page)));
    URI toKeycloak = redirect(get(toLogin));
    HttpResponse<String> form = get(toKeycloak);
    assertThat(form.statusCode()).as("Keycloak's login form").isEqualTo(200);
    Matcher action = FORM_ACTION.matcher(form.body());
    assertThat(action.find()).as("a form on Keycloak's login page").isTrue();
    HttpResponse<String> sent =
        send(
            HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + URLEncoder.encode(username, StandardCharsets.UTF_8)
                            + "&password=demo")));
    URI back = redirect(sent);
    assertThat(back.toString()).startsWith(GATEWAY + "/login/oauth2/code/keycloak?");
    long t0 = System.nanoTime();
    HttpResponse<String> landed =
        send(
            HttpRequest.newBuilder(back)
                .header("Accept", "text/html")
                .timeout(Duration.ofSeconds(60)));
    callback = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(redirect(landed)).hasPath(page);
    HttpResponse<String> me = get(URI.create(GATEWAY + "/api/me"));
    assertThat(me.statusCode()).as("/api/me with the new session").isEqualTo(200);
    return me.body();
  }

  /**
   * A GET with this browser's cookies (its session, wherever it was made), redirects not followed.
   */
  HttpResponse<String> browse(URI uri) {
    return get(uri);
  }

  /**
   * Keycloak marks its login cookies {@code Secure} (with {@code SameSite=None}); browsers send
   * such cookies to {@code http://localhost} as a secure context, Java's cookie store does not.
   */
  private static final class PlainHttpCookies implements CookieStore {
    private final CookieStore store = new CookieManager().getCookieStore();

    @Override
    public void add(URI uri, HttpCookie cookie) {
      cookie.setSecure(false);
      store.add(uri, cookie);
    }

    @Override
    public List<HttpCookie> get(URI uri) {
      return store.get(uri);
    }

    @Override
    public List<HttpCookie> getCookies() {
      return store.getCookies();
    }

    @Override
    public List<URI> getURIs() {
      return store.getURIs();
    }

    @Override
    public boolean remove(URI uri, HttpCookie cookie) {
      return store.remove(uri, cookie);
    }

    @Override
    public boolean removeAll() {
      return store.removeAll();
    }
  }

  private HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError("browser login step failed: " + request.build().uri(), e);
    }
  }

  private static URI redirect(HttpResponse<String> response) {
    assertThat(response.statusCode())
        .as("a redirect from " + response.uri() + ": " + response.body())
        .isEqualTo(302);
    return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
  }
}
