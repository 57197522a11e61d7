package org.iatipub.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.iatipub.publish.dataset.Progress;

/**
 * Progress as plain log lines (INFO), for runs with no terminal such as cron: a line every
 * {@value #EVERY} records and one per set at its end, so a log file shows how far a run got.
 */
final class LoggedProgress implements Progress {
  private static final Logger LOG = LogManager.getLogger(LoggedProgress.class);
  static final int EVERY = 1000;

  private String set;
  private long expected = -1;
  private long inSet;
  private long total;

  @Override
  public synchronized void expect(String set, long records) {
    LOG.info("{}: {} records to decide on", set, records);
    expected = records;
  }

  @Override
  public synchronized void record(String set) {
    if (!set.equals(this.set)) {
      endSet();
      this.set = set;
      inSet = 0;
    }
    inSet++;
    total++;
    if (inSet % EVERY == 0) {
      LOG.info("{}: {} of {} records done", set, inSet, expected < 0 ? "?" : expected);
    }
  }

  @Override
  public synchronized void finished() {
    endSet();
    set = null;
  }

  private void endSet() {
    if (set != null) {
      LOG.info("{}: all {} records done ({} in this run so far)", set, inSet, total);
    }
  }
}
