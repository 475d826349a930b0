package cn.gov.jx.majorprojects.gateway.console;

import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Serves the console (the {@code console} module's jar puts it under {@code META-INF/resources}):
 * hashed files under {@code /assets} cached for a year, every page answered with {@code
 * index.html}, which is never cached so a new release is picked up at once. A file that is not
 * there falls through to the gateway's 404 problem.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

  static final String ROOT = "META-INF/resources/";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String NEVER_CACHED = "no-cache, no-store";
  static final String REVALIDATE = "no-cache";

  @Bean
  @Order(1) // before the pages' function, which would answer these files uncached
  RouterFunction<ServerResponse> consoleAssets() {
    return RouterFunctions.resources(
        "/assets/**",
        new ClassPathResource(ROOT + "assets/"),
        (resource, headers) -> headers.setCacheControl(IMMUTABLE));
  }

  @Bean
  @Order(2)
  RouterFunction<ServerResponse> consolePagesAndFiles() {
    Resource index = new ClassPathResource(ROOT + "index.html");
    // without the console on the classpath (a gateway built alone) its pages are 404
    Mono<Resource> page = index.exists() ? Mono.just(index) : Mono.empty();
    Function<ServerRequest, Mono<Resource>> files =
        RouterFunctions.resourceLookupFunction("/**", new ClassPathResource(ROOT));
    return RouterFunctions.resources(
        request -> {
          if (ConsolePages.isPage(request.exchange().getRequest())) {
            return page;
          }
          return ConsolePages.isFile(request.exchange().getRequest())
              ? files.apply(request)
              : Mono.empty();
        },
        (resource, headers) ->
            headers.setCacheControl(
                "index.html".equals(resource.getFilename()) ? NEVER_CACHED : REVALIDATE));
  }
}
