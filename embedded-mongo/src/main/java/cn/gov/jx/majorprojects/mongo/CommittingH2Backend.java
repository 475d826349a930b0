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
 * <p>The file is compacted to its live data when the server stops: its live data copied to a new
 * file that atomically replaces it (61 430 imported documents, ~40 MB, had left a 999 MB file;
 * after a 6-minute soak 110 MB became 13 MB in 0.6 s). Not at start: the services, started beside
 * it, give up on a MongoDB that has not answered within 3 s. While it runs, each commit writes a
 * new chunk; because each is flushed, a replaced chunk is not needed for recovery and its space is
 * reused at once (retention time 0, which H2's documentation allows when buffers are flushed
 * manually; its default keeps them 45 s). H2 rewrites chunks in the background once less than half
 * their space is live (fill rate 50, not H2's 90: at 90 that rewriting ran all the time under the
 * soak's writes and the reads' p99 went from 85 to 230-270 ms, docs/benchmarks.md).
 */
final class CommittingH2Backend extends H2Backend {

  private final Path file;

  private CommittingH2Backend(MVStore store, Path file) {
    super(store);
    this.file = file;
  }

  static CommittingH2Backend open(Path file) {
    // the temporary files of a compaction a kill -9 interrupted (the store itself is intact)
    MVStoreTool.compactCleanUp(file.toString());
    MVStore store = new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(50).open();
    store.setRetentionTime(0);
    return new CommittingH2Backend(store, file);
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

  @Override
  public void close() {
    super.close();
    if (Files.exists(file)) {
      MVStoreTool.compact(file.toString(), false);
    }
  }
}
