package cn.gov.jx.majorprojects.support.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;

/**
 * What a service does with input no client of ours sends: JSON with a key twice is refused (not
 * "last one wins", which lets a hostile first value slip past a reviewer's eye or a filter that
 * reads the first), and the two places a servlet service answers before its controllers, Tomcat
 * itself (its error report valve) and the {@code /error} page, answer problem+json. Before Boot's
 * own error handling so that its {@code BasicErrorController} steps aside. Enum and boolean request
 * values holding control characters are refused instead of read as "no value".
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
public class HostileInputAutoConfiguration {

  @Bean
  JsonMapperBuilderCustomizer strictDuplicateKeys() {
    return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }

  /** {@code ?level=%00} is a 400 problem, not "no filter" ({@link QueryControlCharacters}). */
  @Bean
  WebMvcConfigurer queryControlCharacters(ProblemWriter problems) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new QueryControlCharacters(problems)).addPathPatterns("/api/**");
      }
    };
  }

  @Bean
  ErrorController problemErrorController(TraceIds traceIds) {
    return new ProblemErrorController(traceIds);
  }

  @Bean
  @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve() {
    // the host adds a valve of this class when it starts; later in the pipeline than Boot's plain
    // ErrorReportValve, it reports first and Boot's then finds the error already reported
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
              }
            });
  }
}
