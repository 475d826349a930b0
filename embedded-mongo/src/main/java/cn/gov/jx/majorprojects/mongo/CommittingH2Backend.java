package cn.gov.jx.majorprojects.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 file store, committed after every command that changed it, before the answer goes out: a
 * write the client saw acknowledged survives a kill -9 of this process. mongo-java-server's H2
 * backend itself never commits; H2 only does in the background about once a second, so a kill -9
 * lost the writes of about the last second (README, "The embedded MongoDB loses data on a kill
 * -9"). A power cut can still lose what the operating system had not yet written to disk.
 */
final class CommittingH2Backend extends H2Backend {

  CommittingH2Backend(String file) {
    super(file);
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    try {
      return super.handleCommand(channel, database, command, query);
    } finally {
      // also after a failed command: a bulk write may have stored part of its documents
      MVStore store = getMvStore();
      if (store.hasUnsavedChanges()) {
        store.commit();
      }
    }
  }
}
