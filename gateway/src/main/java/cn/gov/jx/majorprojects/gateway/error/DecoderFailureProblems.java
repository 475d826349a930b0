package cn.gov.jx.majorprojects.gateway.error;

import cn.gov.jx.majorprojects.support.web.Problems;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reactor Netty answers a request it cannot even decode (a request line over its length limit: 414;
 * characters not allowed in a URI or a bad %-escape: 400; headers too large: 431) itself, before
 * any filter of ours runs, and with an empty body. This outbound handler, right behind the HTTP
 * codec, gives exactly those answers (an error status, empty, no Content-Type) the platform's
 * problem+json body. Everything else passes untouched.
 */
@ChannelHandler.Sharable
public final class DecoderFailureProblems extends ChannelOutboundHandlerAdapter {

  static final String NAME = "majorprojects.decoderFailureProblems";

  /** Installs the handler on every new connection of the server. */
  public static HttpServer install(HttpServer server) {
    DecoderFailureProblems handler = new DecoderFailureProblems();
    return server.doOnChannelInit(
        (observer, channel, address) -> {
          if (channel.pipeline().get(NettyPipeline.HttpCodec) != null
              && channel.pipeline().get(NAME) == null) {
            channel.pipeline().addAfter(NettyPipeline.HttpCodec, NAME, handler);
          }
        });
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    if (msg instanceof FullHttpResponse response
        && response.status().code() >= 400
        && response.content().readableBytes() == 0
        && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
      int status = response.status().code();
      byte[] body =
          JsonMapper.shared()
              .writeValueAsBytes(
                  Problems.asMap(
                      Problems.of(
                          HttpStatusCode.valueOf(status),
                          "The request was refused as malformed before it reached the gateway")));
      FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
      response.release();
      withBody
          .headers()
          .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      withBody.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
      withBody.headers().set("X-Content-Type-Options", "nosniff");
      withBody.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
      ctx.write(withBody, promise);
      return;
    }
    ctx.write(msg, promise);
  }
}
