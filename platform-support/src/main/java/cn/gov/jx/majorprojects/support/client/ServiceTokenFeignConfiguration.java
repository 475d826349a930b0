package cn.gov.jx.majorprojects.support.client;

import feign.RequestInterceptor;
import feign.RetryableException;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import feign.optionals.OptionalDecoder;
import java.net.SocketTimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;
import org.springframework.cloud.openfeign.support.ResponseEntityDecoder;
import org.springframework.cloud.openfeign.support.SpringDecoder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * For {@code @FeignClient(configuration = ServiceTokenFeignConfiguration.class)}: every call
 * carries the {@code services} client-credentials token (the internal contracts require it). A 401
 * answer means the peer no longer accepts the held token (Keycloak's keys changed): the token is
 * dropped and the call is made once more with a new one. Answers are read up to {@link
 * AnswerLimit}'s bound.
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

  /** Spring Cloud's own decoder chain, reading a bounded body. */
  @Bean
  Decoder boundedAnswers(
      ObjectProvider<FeignHttpMessageConverters> converters, Environment environment) {
    return AnswerLimit.feignDecoder(
        new OptionalDecoder(new ResponseEntityDecoder(new SpringDecoder(converters))),
        AnswerLimit.maxBytes(environment));
  }

  @Bean
  ErrorDecoder refusedTokenIsRetried(ServiceToken token) {
    ErrorDecoder standard = AnswerLimit.feignErrorDecoder(new ErrorDecoder.Default());
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
