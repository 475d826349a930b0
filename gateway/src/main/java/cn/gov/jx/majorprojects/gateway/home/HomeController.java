package cn.gov.jx.majorprojects.gateway.home;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: where a browser lands after login and logout. Until the console ships, that is the
 * API documentation, whose "Try it out" works with the session just opened.
 */
@RestController
class HomeController {

  @GetMapping("/")
  ResponseEntity<Void> home() {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/docs")).build();
  }
}
