package cn.gov.jx.majorprojects.notifications.inbox;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface NotificationRepository extends MongoRepository<Notification, String> {

  Page<Notification> findByRecipient(String recipient, Pageable pageable);

  Page<Notification> findByRecipientAndRead(String recipient, boolean read, Pageable pageable);

  long countByRecipientAndRead(String recipient, boolean read);

  Optional<Notification> findByIdAndRecipient(String id, String recipient);
}
