package cn.gov.jx.majorprojects.support.client;

import feign.RequestInterceptor;
import feign.RetryableException;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import java.net.SocketTimeoutException;
import org.springframework.context.annotation.Bean;

/**
 * For {@code @FeignClient(configuration = ServiceTokenFeignConfiguration.class)}: every call
 * carries the {@code services} client-credentials token (the internal contracts require it). A 401
 * answer means the peer no longer accepts the held token (Keycloak's keys changed): the token is
 * dropped and the call is made once more with a new one.
 */
public class ServiceTokenFeignConfiguration {

  @Bean
  RequestInterceptor serviceTokenHeader(ServiceToken token) {
    // a retry runs the interceptors again on the same template: replace, do not add a second value
    return template -> {
      template.removeHeader("Authorization");
      template.header("Authorization", token.bearer());
    };
  }

  @Bean
  ErrorDecoder refusedTokenIsRetried(ServiceToken token) {
    ErrorDecoder standard = new ErrorDecoder.Default();
    return (methodKey, response) -> {
      if (response.status() == 401) {
        token.invalidate();
        return new RetryableException(
            401,
            "the peer refused the services token; retrying with a new one",
            response.request().httpMethod(),
            (Long) null,
            response.request());
      }
      return standard.decode(methodKey, response);
    };
  }

  /**
   * One more try, for the refused-token case above (and a connection reset, idempotent here); never
   * after a timeout: a slow peer would make the caller wait twice its read timeout, past the
   * gateway's own limit, instead of answering its 503 problem.
   */
  @Bean
  Retryer oneRetry() {
    return new NotAfterATimeout(new Retryer.Default(50, 200, 2));
  }

  record NotAfterATimeout(Retryer retries) implements Retryer {

    @Override
    public void continueOrPropagate(RetryableException e) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof SocketTimeoutException) {
          throw e;
        }
      }
      retries.continueOrPropagate(e);
    }

    @Override
    @SuppressWarnings("MethodDoesntCallSuperMethod")
    public Retryer clone() {
      return new NotAfterATimeout(retries.clone());
    }
  }
}
