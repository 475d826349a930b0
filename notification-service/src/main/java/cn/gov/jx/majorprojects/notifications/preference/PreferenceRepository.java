package cn.gov.jx.majorprojects.notifications.preference;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PreferenceRepository extends MongoRepository<NotificationPreferences, String> {}
