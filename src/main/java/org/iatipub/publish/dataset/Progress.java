package org.iatipub.publish.dataset;

/** Told of every record a run decides on (published or withheld), to show how far a long run is. */
public interface Progress {
  Progress NONE = new Progress() {
    @Override
    public void record(String set) {}

    @Override
    public void finished() {}
  };

  /** {@code set} holds this many records, known once its files are read (before any is decided on). */
  default void expect(String set, long records) {}

  /** One more record of {@code set} published or withheld. */
  void record(String set);

  /** The run has decided on every record. */
  void finished();
}
