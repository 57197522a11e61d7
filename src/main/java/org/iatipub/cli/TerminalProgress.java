package org.iatipub.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.iatipub.publish.dataset.Progress;

/**
 * A progress bar on standard error, for a person at a terminal: records decided on so far, their
 * rate and the set being published. Each set's activities are added to the total once its files
 * are read, so the bar fills towards the activities known so far.
 */
final class TerminalProgress implements Progress {
  private final ProgressBar bar = new ProgressBarBuilder()
      .setTaskName("publish")
      .setInitialMax(-1)
      .setStyle(ProgressBarStyle.ASCII)
      .setUnit(" activities", 1)
      .showSpeed()
      .setConsumer(new ConsoleProgressBarConsumer(System.err))
      .build();
  private String set = "";

  @Override
  public synchronized void expect(String set, long records) {
    bar.maxHint(Math.max(bar.getMax(), 0) + records);
  }

  @Override
  public synchronized void record(String set) {
    if (!set.equals(this.set)) {
      this.set = set;
      bar.setExtraMessage(set);
    }
    bar.step();
  }

  @Override
  public synchronized void finished() {
    bar.close();
  }
}
