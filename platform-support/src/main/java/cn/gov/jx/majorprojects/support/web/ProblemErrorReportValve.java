package cn.gov.jx.majorprojects.support.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word, as problem+json instead of its HTML page: the errors Tomcat answers itself
 * before any filter or controller runs (a request line with characters not allowed in a URI, a URI
 * or headers too long, a bad %-escape). Never names an exception or echoes the request.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  public ProblemErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String detail =
        status >= 500
            ? "Unexpected error"
            : "The request was refused as malformed before it reached the service";
    byte[] body =
        JsonMapper.shared()
            .writeValueAsBytes(Problems.asMap(Problems.of(HttpStatusCode.valueOf(status), detail)));
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the connection is gone or the response already committed: nothing more to say
    }
  }
}
