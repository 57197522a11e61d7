package org.iatipub.publish;

import java.util.List;

/** The run cannot start: bad arguments, a missing or broken mapping file, crosswalk or input. */
public final class CannotPublish extends Exception {
  private final List<String> problems;

  CannotPublish(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem on its own, naming the file (and key or column) to fix. */
  public List<String> problems() {
    return problems;
  }
}
