package cn.gov.jx.majorprojects.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

/**
 * The H2 file store, committed and flushed to disk after every command that changed it, before the
 * answer goes out: a write the client saw acknowledged survives a kill -9 of this process and a
 * power cut. mongo-java-server's H2 backend itself never commits; H2 only does in the background
 * about once a second, so a kill -9 lost the writes of about the last second (README, "The embedded
 * MongoDB loses data on a kill -9").
 *
 * <p>The file stays proportional to its data. Each commit writes a new chunk, and H2 keeps a
 * replaced chunk for 45 s by default (its retention time: the time it assumes the operating system
 * needs to flush its buffers), so at a few hundred writes a second the file grew about 25 times
 * faster than the data (61 000 imported documents: a 999 MB file). Because every commit here is
 * flushed before the next one, a replaced chunk is not needed for recovery once the commit that
 * replaced it is on disk, and its space is reused at once (retention time 0, which H2's
 * documentation allows when the buffers are flushed manually). Whatever an earlier version or an
 * interrupted run left behind is reclaimed at start: the file is compacted (its live data copied to
 * a new file that atomically replaces it) before it is opened.
 */
final class CommittingH2Backend extends H2Backend {

  private CommittingH2Backend(MVStore store) {
    super(store);
  }

  static CommittingH2Backend open(Path file) {
    String name = file.toString();
    MVStoreTool.compactCleanUp(name);
    if (Files.exists(file)) {
      MVStoreTool.compact(name, false);
    }
    MVStore store = new MVStore.Builder().fileName(name).open();
    store.setRetentionTime(0);
    return new CommittingH2Backend(store);
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
        store.getFileStore().sync();
      }
    }
  }
}
