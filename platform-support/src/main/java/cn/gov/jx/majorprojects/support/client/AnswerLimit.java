package cn.gov.jx.majorprojects.support.client;

import feign.Response;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.unit.DataSize;

/**
 * A peer's answer (another service, Keycloak) is read up to {@code
 * platform.clients.max-answer-size} (default 4 MB): a larger one is refused as it arrives — by its
 * {@code Content-Length} before any byte is read, or once the bytes read pass the bound — never
 * buffered whole. The caller sees an {@link IOException} wrapped by its client, i.e. the same
 * failure as a peer that broke off, and answers its own 503 (or degrades the one figure). An error
 * answer's body is only kept as a short excerpt for the exception message.
 */
public final class AnswerLimit {

  static final DataSize DEFAULT = DataSize.ofMegabytes(4);
  private static final int ERROR_EXCERPT_BYTES = 8 * 1024;

  private AnswerLimit() {}

  /** The configured bound ({@code PEER_MAX_ANSWER_SIZE}), in bytes. */
  public static long maxBytes(Environment environment) {
    String size = environment.getProperty("platform.clients.max-answer-size");
    return (size == null || size.isBlank() ? DEFAULT : DataSize.parse(size.strip())).toBytes();
  }

  /** An answer over the bound. */
  public static final class TooLarge extends IOException {
    TooLarge(long maxBytes) {
      super("the peer's answer is larger than " + maxBytes + " bytes; refused");
    }
  }

  /** For a {@code RestClient}: every answer's body is bounded. */
  public static ClientHttpRequestInterceptor restClientInterceptor(long maxBytes) {
    return (request, body, execution) -> {
      ClientHttpResponse response = execution.execute(request, body);
      if (response.getHeaders().getContentLength() > maxBytes) {
        response.close();
        throw new TooLarge(maxBytes);
      }
      return new BoundedResponse(response, maxBytes);
    };
  }

  /** For Feign: the answer is decoded from a bounded body. */
  public static Decoder feignDecoder(Decoder delegate, long maxBytes) {
    return (response, type) -> delegate.decode(bounded(response, maxBytes), type);
  }

  /** For Feign: an error answer's body is read only as far as an excerpt for the message. */
  public static ErrorDecoder feignErrorDecoder(ErrorDecoder delegate) {
    return (methodKey, response) -> {
      if (response.body() == null) {
        return delegate.decode(methodKey, response);
      }
      byte[] excerpt;
      try (InputStream in = response.body().asInputStream()) {
        excerpt = in.readNBytes(ERROR_EXCERPT_BYTES);
      } catch (IOException e) {
        excerpt = new byte[0];
      }
      return delegate.decode(methodKey, response.toBuilder().body(excerpt).build());
    };
  }

  static Response bounded(Response response, long maxBytes) throws IOException {
    if (response.body() == null) {
      return response;
    }
    Integer length = response.body().length();
    if (length != null && length > maxBytes) {
      throw new TooLarge(maxBytes);
    }
    return response.toBuilder()
        .body(new BoundedStream(response.body().asInputStream(), maxBytes), length)
        .build();
  }

  /** Reads through until more than the bound has come, then fails. */
  static final class BoundedStream extends FilterInputStream {
    private final long maxBytes;
    private long read;

    BoundedStream(InputStream in, long maxBytes) {
      super(in);
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) throws TooLarge {
      read += n;
      if (read > maxBytes) {
        throw new TooLarge(maxBytes);
      }
    }
  }

  private static final class BoundedResponse implements ClientHttpResponse {
    private final ClientHttpResponse delegate;
    private final long maxBytes;
    private InputStream body;

    BoundedResponse(ClientHttpResponse delegate, long maxBytes) {
      this.delegate = delegate;
      this.maxBytes = maxBytes;
    }

    @Override
    public HttpStatusCode getStatusCode() throws IOException {
      return delegate.getStatusCode();
    }

    @Override
    public String getStatusText() throws IOException {
      return delegate.getStatusText();
    }

    @Override
    public HttpHeaders getHeaders() {
      return delegate.getHeaders();
    }

    @Override
    public InputStream getBody() throws IOException {
      if (body == null) {
        body = new BoundedStream(delegate.getBody(), maxBytes);
      }
      return body;
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
