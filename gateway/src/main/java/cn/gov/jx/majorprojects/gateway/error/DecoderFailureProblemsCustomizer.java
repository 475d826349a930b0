package cn.gov.jx.majorprojects.gateway.error;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.server.HttpServer;

/** Puts {@link DecoderFailureProblems} on the gateway's server. */
@Component
class DecoderFailureProblemsCustomizer implements NettyServerCustomizer {

  @Override
  public HttpServer apply(HttpServer server) {
    return DecoderFailureProblems.install(server);
  }
}
