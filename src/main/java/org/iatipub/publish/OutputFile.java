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
    dataset.add(activity.getIatiIdentifier().getValue(), splitKey(activity), xml, ActivityPortfolio.of(activity));
  }

  /** Notes an activity withheld by this run, by the id its rows give (the project id in the own form). */
  void withhold(String rowsId) throws IOException {
    dataset.withhold(identifierPrefix + rowsId);
  }

  /** The activity's recipient country or region with the largest share (the first of equals), or null. */
  private String splitKey(IatiActivityType activity) {
    return switch (split) {
      case NONE -> null;
      case COUNTRY -> largest(activity.getRecipientCountry(), c -> c.getPercentage(), c -> c.getCode());
      case REGION -> largest(activity.getRecipientRegion(), r -> r.getPercentage(), r -> r.getCode());
    };
  }

  private static <T> String largest(List<T> shares, Function<T, BigDecimal> percentage, Function<T, String> code) {
    Comparator<T> byShare = Comparator.comparing(t -> percentage.apply(t) == null ? BigDecimal.valueOf(100) : percentage.apply(t));
    return shares.stream().reduce((a, b) -> byShare.compare(b, a) > 0 ? b : a).map(code).orElse(null);
  }
}
