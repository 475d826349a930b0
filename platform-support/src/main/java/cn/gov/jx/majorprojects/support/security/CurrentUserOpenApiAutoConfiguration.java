package cn.gov.jx.majorprojects.support.security;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

/**
 * {@link PlatformUser} is the signed-in user, resolved from the bearer token ({@code
 * CurrentUserArgumentResolver}), not something a client sends: the services' OpenAPI documents
 * leave it out instead of listing a query parameter {@code user} that generated clients would ask
 * for.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class CurrentUserOpenApiAutoConfiguration {

  public CurrentUserOpenApiAutoConfiguration() {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(PlatformUser.class);
  }
}
