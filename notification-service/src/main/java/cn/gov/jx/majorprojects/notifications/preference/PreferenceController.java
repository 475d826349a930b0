package cn.gov.jx.majorprojects.notifications.preference;

import cn.gov.jx.majorprojects.support.security.PlatformUser;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notification preferences. */
@RestController
@RequestMapping("/api/notification-preferences")
class PreferenceController {

  private final PreferenceService preferences;

  PreferenceController(PreferenceService preferences) {
    this.preferences = preferences;
  }

  @GetMapping
  NotificationPreferences get(PlatformUser user) {
    return preferences.of(user.username());
  }

  @PutMapping
  NotificationPreferences put(
      PlatformUser user, @Valid @RequestBody NotificationPreferences wanted) {
    return preferences.save(user.username(), wanted);
  }
}
