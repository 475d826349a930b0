package cn.gov.jx.majorprojects.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The problems a service writes for its own exceptions (MockMvc, no Spring context). */
class ApiExceptionHandlerTests {

  @RestController
  static class Failing {
    @GetMapping("/peer-down")
    String peerDown() {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE, "project-service is not answering; try again shortly");
    }
  }

  final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Failing())
          .setControllerAdvice(
              new ApiExceptionHandler(
                  new TraceIds(new DefaultListableBeanFactory().getBeanProvider(Tracer.class))))
          .build();

  /**
   * issue-service's 503 while project-service does not answer (found by SlowPeerE2ETests): the
   * detail was the exception's message, {@code 503 SERVICE_UNAVAILABLE "…"}.
   */
  @Test
  void aResponseStatusExceptionsReasonIsTheDetailAsItWasWritten() throws Exception {
    mvc.perform(get("/peer-down"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(503))
        .andExpect(
            jsonPath("$.detail").value("project-service is not answering; try again shortly"))
        .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "service-unavailable"));
  }
}
