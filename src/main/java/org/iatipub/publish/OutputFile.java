package org.iatipub.publish;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.iatipub.model.iati.IatiActivityType;
import org.iatipub.publish.dataset.Dataset;
import org.iatipub.validation.DocumentKind;
import org.iatipub.publish.dataset.Release;
import org.iatipub.publish.dataset.SplitRule;

/**
 * Where one input set's valid activities go: its {@link Dataset} in the run's staging directory,
 * which stamps, splits and sizes the files. Nothing reaches the output directory before the whole
 * run commits; a set that publishes nothing keeps the previous run's files.
 */
final class OutputFile {
  private final Dataset dataset;
  private final Path output;
  private final String identifierPrefix;
  private final SplitRule split;

  private OutputFile(Dataset dataset, Path output, String identifierPrefix, SplitRule split) {
    this.dataset = dataset;
    this.output = output;
    this.identifierPrefix = identifierPrefix;
    this.split = split;
  }

  /** Starts the files of {@code set}: {@code <publisher>-<set>.xml} (own form) or {@code <set>.xml}, lower case. */
  static OutputFile start(Release release, InputSet set, SplitRule split) {
    String name = set.outputName();
    Dataset dataset = release.dataset(set.name(), name.substring(0, name.length() - ".xml".length()), DocumentKind.ACTIVITIES);
    return new OutputFile(dataset, release.output(), set.mapping() == null ? "" : set.mapping().identifierPrefix(), split);
  }

  Dataset dataset() {
    return dataset;
  }

  /** The first file written, once one is; null before. */
  Path target() {
    String first = dataset.firstFile();
    return first == null ? null : output.resolve(first);
  }

  int activities() {
    return dataset.records();
  }

  /** Appends one activity, already checked; {@code xml} is its serialisation. */
  void append(IatiActivityType activity, byte[] xml) throws IOException {
    append(activity, xml, null);
  }

  /** Appends one activity, already checked, with what lets a later run take it as it is (or null). */
  void append(IatiActivityType activity, byte[] xml, Dataset.Input input) throws IOException {
    dataset.add(activity.getIatiIdentifier().getValue(), splitKey(activity), xml, ActivityPortfolio.of(activity), input);
  }

  /** The activity the previous run published from the same input, when it can be taken as it is; else null. */
  Dataset.Previous previous(String fingerprint) {
    return dataset.previous(fingerprint);
  }

  /** The previous activity's bytes, checked; null when they are not as written. */
  byte[] bytesOf(Dataset.Previous previous) throws IOException {
    return dataset.bytesOf(previous);
  }

  /**
   * Appends an activity of the previous run, as it was; {@code notes} say where it goes.
   *
   * @param notesNow the notes to keep with it from now on, or null to keep those it had
   */
  void appendTaken(Dataset.Previous previous, ActivityNotes notes, byte[] bytes, String notesNow) throws IOException {
    String splitKey = switch (split) {
      case NONE -> null;
      case COUNTRY -> notes.country();
      case REGION -> notes.region();
    };
    dataset.addTaken(previous, splitKey, bytes, notesNow);
  }

  /** The recipient country of largest share, whatever the split (kept in the notes on the activity). */
  static String country(IatiActivityType activity) {
    return largest(activity.getRecipientCountry(), c -> c.getPercentage(), c -> c.getCode());
  }

  /** The recipient region of largest share, whatever the split. */
  static String region(IatiActivityType activity) {
    return largest(activity.getRecipientRegion(), r -> r.getPercentage(), r -> r.getCode());
  }

  /** Notes an activity withheld by this run, by the id its rows give (the project id in the own form). */
  void withhold(String rowsId) throws IOException {
    dataset.withhold(identifierPrefix + rowsId);
  }

  /** The activity's recipient country or region with the largest share (the first of equals), or null. */
  private String splitKey(IatiActivityType activity) {
    return switch (split) {
      case NONE -> null;
      case COUNTRY -> country(activity);
      case REGION -> region(activity);
    };
  }

  private static <T> String largest(List<T> shares, Function<T, BigDecimal> percentage, Function<T, String> code) {
    Comparator<T> byShare = Comparator.comparing(t -> percentage.apply(t) == null ? BigDecimal.valueOf(100) : percentage.apply(t));
    return shares.stream().reduce((a, b) -> byShare.compare(b, a) > 0 ? b : a).map(code).orElse(null);
  }
}
