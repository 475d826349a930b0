package cn.gov.jx.majorprojects.gateway.error;

import cn.gov.jx.majorprojects.support.web.Problems;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AttributeKey;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>Netty then closes the connection, often with the request's body still unread: the kernel
 * answers unread data with a reset, and a reset can destroy the answer before the client has read
 * it (the JDK's HttpClient, which writes the head and then the body, saw "connection reset" instead
 * of the 414). So such a connection closes the way nginx's {@code lingering_close} does: the answer
 * goes out, the gateway's side is shut for writing, what still arrives is read and thrown away (the
 * codec discards everything after a failure), and the connection closes when the client closes or
 * after {@link #LINGER_MILLIS} at the latest.
 */
@ChannelHandler.Sharable
public final class DecoderFailureProblems extends ChannelOutboundHandlerAdapter {

  static final String NAME = "majorprojects.decoderFailureProblems";

  /** How long a refused connection is read and discarded at most before it is closed. */
  static final long LINGER_MILLIS = 2_000;

  private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf(NAME + ".refused");

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
      if (response.headers().containsValue(HttpHeaderNames.CONNECTION, "close", true)) {
        ctx.channel().attr(REFUSED).set(Boolean.TRUE); // the close that follows lingers
      }
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

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
    Channel channel = ctx.channel();
    if (!Boolean.TRUE.equals(channel.attr(REFUSED).getAndSet(null))
        || !(channel instanceof DuplexChannel duplex)
        || !channel.isActive()
        || duplex.isInputShutdown()) {
      ctx.close(promise);
      return;
    }
    duplex.shutdownOutput(); // after the answer already written: the client reads it, then EOF
    ctx.executor().schedule(() -> ctx.close(promise), LINGER_MILLIS, TimeUnit.MILLISECONDS);
    channel.config().setAutoRead(true);
    ctx.read();
  }
}
