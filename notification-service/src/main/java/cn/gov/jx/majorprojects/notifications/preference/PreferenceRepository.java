package cn.gov.jx.majorprojects.notifications.preference;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PreferenceRepository extends MongoRepository<NotificationPreferences, String> {

  List<NotificationPreferences> findByDailyDigestTrueAndChannelsEmailEnabledTrue();
}
