package org.iatipub.publish;

import java.util.List;
import java.util.function.Consumer;
import org.iatipub.finding.Finding;

/**
 * Where a run's findings go as they are found. Those about one activity come together once it is
 * decided on, with the activity (for reports that group findings by activity); by default they are
 * simply each a finding, in the same order.
 */
@FunctionalInterface
public interface FindingSink extends Consumer<Finding> {
  /** An activity was published or withheld; {@code findings} are every finding about it, the withholding last. */
  default void activity(ActivityOutcome activity, List<Finding> findings) {
    findings.forEach(this);
  }

  /** A sink that passes everything to each of {@code sinks}, in turn. */
  static FindingSink each(List<FindingSink> sinks) {
    List<FindingSink> all = List.copyOf(sinks);
    return new FindingSink() {
      @Override
      public void accept(Finding finding) {
        all.forEach(sink -> sink.accept(finding));
      }

      @Override
      public void activity(ActivityOutcome activity, List<Finding> findings) {
        all.forEach(sink -> sink.activity(activity, findings));
      }
    };
  }

  /**
   * An activity as decided on.
   *
   * @param set the input set, as shown
   * @param identifier its IATI identifier (as its rows make it)
   * @param title its title's first narrative, empty when none
   * @param published true when it is in a file of this run, false when withheld
   */
  record ActivityOutcome(String set, String identifier, String title, boolean published) {}
}
