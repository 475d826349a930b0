package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.GATEWAY;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The installed Chromium driven by Playwright, headless, one fresh context (cookies, storage) per
 * person; logs in through Keycloak's real login form.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final Path SCREENSHOTS =
      Paths.get(System.getProperty("e2e.screenshots", "target/screenshots"));
  static final int[] DESKTOP = {1366, 768};
  static final int[] PHONE = {390, 844};
  static final int[] TABLET = {768, 1024};

  private final Playwright playwright;
  private final Browser browser;
  private final List<BrowserContext> contexts = new ArrayList<>();

  ConsoleBrowser() {
    // a busy 2-core machine: screens may take longer than Playwright's 5 s default to settle
    PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(
                        Paths.get(System.getProperty("e2e.chromium", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
  }

  /** A new person at a screen size: no cookies, no local storage, Chinese, Shanghai time. */
  Page open(int[] size) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(size[0], size[1])
                .setIsMobile(size == PHONE)
                .setHasTouch(size == PHONE || size == TABLET)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
    context.setDefaultTimeout(30_000);
    contexts.add(context);
    Page page = context.newPage();
    // what the page itself ran into, in the build log: a failing test then says why
    page.onPageError(error -> System.out.println("[browser] page error: " + error));
    page.onRequestFailed(
        request ->
            System.out.println(
                "[browser] request failed: " + request.url() + " " + request.failure()));
    return page;
  }

  /** Opens a console path without a session, logs in on Keycloak's form, and lands back on it. */
  static void login(Page page, String path, String username) {
    page.navigate(GATEWAY + path);
    assertThat(page).hasURL(Pattern.compile(".*/realms/majorprojects/.*"));
    page.locator("#username").fill(username);
    page.locator("#password").fill("demo");
    // the redirects back through the gateway are checked by the URL below, not by the click
    page.locator("#kc-login").click(new Locator.ClickOptions().setNoWaitAfter(true));
    assertThat(page).hasURL(GATEWAY + path);
  }

  static void screenshot(Page page, String name) {
    page.waitForTimeout(300); // let transitions settle
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /** True when the page is no wider than the screen (no horizontal scrolling). */
  static boolean fitsWidth(Page page) {
    return (Boolean)
        page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
  }

  /** Ends every person's session opened by a test, passed or failed. */
  void closeContexts() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
