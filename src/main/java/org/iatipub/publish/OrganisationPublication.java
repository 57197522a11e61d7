package org.iatipub.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.xml.validation.Schema;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.mapping.OrganisationMapping;
import org.iatipub.publish.dataset.Dataset;
import org.iatipub.validation.DocumentKind;
import org.iatipub.publish.dataset.Release;
import org.iatipub.source.CsvTable;
import org.iatipub.validation.SchemaSet;

/**
 * Publishes the organisation file from the organisation CSV, in the same run and commit as the
 * activity files: mapped, written and validated against the organisation schema in one pass. Any
 * error withholds it (the previous organisation file stays); every row is counted.
 */
final class OrganisationPublication {
  private static final Schema SCHEMA = SchemaSet.bundled().organisations();

  private OrganisationPublication() {}

  static SetOutcome publish(Path csv, List<InputSet> sets, char delimiter, Release release, Consumer<Finding> sink)
      throws IOException {
    String shown = csv.toString();
    CsvTable table = CsvTable.read(csv, shown, delimiter);
    table.findings().forEach(sink);
    FileTally tally = new FileTally(shown, table.rowsRead(), 0, 0, table.rowsRejected());
    String set = csv.getFileName().toString();
    if (!table.complete()) {
      sink.accept(PublishRule.SET_INCOMPLETE.at(new Location.WholeFile(shown),
          "this file could not be read to its end, so the organisation file is not published: any row could be missing"));
      release.keepPrevious(release.dataset(set, set, DocumentKind.ORGANISATIONS));
      return new SetOutcome(shown, null, 0, 1, List.of(tally.plus(0, table.rows().size(), 0)));
    }
    OrganisationMapping.Draft draft = OrganisationMapping.map(table);
    List<Finding> findings = new ArrayList<>(draft.findings());
    Dataset dataset = release.dataset(set, publisher(sets, draft.identifier()) + "-org", DocumentKind.ORGANISATIONS);
    if (!draft.hasErrors()) {
      OrganisationWriter.Written written = OrganisationWriter.write(draft.organisation(), SCHEMA, draft.identifier());
      findings.addAll(written.problems());
      if (written.valid()) {
        dataset.add(draft.identifier(), null, written.xml());
        findings.forEach(sink);
        Path file = release.output().resolve(dataset.firstFile());
        return new SetOutcome(shown, file, 1, 0, List.of(tally.plus(draft.used().size(), 0, draft.rejected().size())));
      }
    }
    findings.forEach(sink);
    sink.accept(PublishRule.WITHHELD.at(new Location.WholeFile(shown), "the organisation file is withheld"
        + " because of the errors above; its " + draft.used().size() + " rows are not published"));
    if (!draft.identifier().isEmpty()) {
      dataset.withhold(draft.identifier());
    }
    release.keepPrevious(dataset);
    return new SetOutcome(shown, null, 0, 1, List.of(tally.plus(0, draft.used().size(), draft.rejected().size())));
  }

  /**
   * The file name's publisher part, as the Registry names organisation files ({@code <publisher>-org}):
   * the publisher of the mapping files, else the organisation identifier in lower case.
   */
  private static String publisher(List<InputSet> sets, String identifier) {
    return sets.stream().filter(s -> s.mapping() != null).map(s -> s.mapping().publisher()).findFirst()
        .orElse(identifier.isEmpty() ? "organisation" : identifier.toLowerCase(Locale.ROOT));
  }
}
