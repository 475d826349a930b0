package cn.gov.jx.majorprojects.support.security;

import cn.gov.jx.majorprojects.support.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token that cannot be checked at all (no signing keys yet and Keycloak unreachable) is the
 * identity service's failure, not the caller's: 503 problem, like at the gateway. Spring Security
 * rethrows it from the bearer-token filter, which would otherwise be a 500.
 */
final class KeysUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(KeysUnavailableFilter.class);

  private final ProblemWriter problems;

  KeysUnavailableFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (AuthenticationServiceException e) {
      if (response.isCommitted()) {
        throw e;
      }
      log.warn("cannot check a token on {}: {}", request.getRequestURI(), e.toString());
      problems.write(
          request,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "The identity service cannot be reached to check the token; try again shortly");
    }
  }
}
