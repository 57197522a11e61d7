package org.iatipub.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.iatipub.finding.Finding;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.mapping.ActivityDraft;
import org.iatipub.mapping.PathHeaderMapping;
import org.iatipub.publish.dataset.Dataset;
import org.iatipub.publish.dataset.Release;
import org.iatipub.source.ActivityJoin;
import org.iatipub.source.ActivityRows;
import org.iatipub.source.SourceRow;
import org.iatipub.validation.DocumentKind;
import org.iatipub.validation.SchemaSet;

/**
 * Publishes a set of path-header sheets whose main sheet has a row per organisation (named in
 * {@code organisation-identifier}) as the organisation file {@code <set>.xml}: read and joined
 * like activity sheets, each organisation bound to the model (so in schema order), written and
 * validated against the organisation schema in one pass. As with activities, one with an error is
 * withheld and the others published, and every row is counted. Organisations are checked against
 * the schema, as the {@code organisation.csv} is; they are few, so they are done on one thread.
 */
final class OrganisationSheets {
  private OrganisationSheets() {}

  static SetOutcome publish(InputSet set, char delimiter, ActivityBinder binder, Release release, Consumer<Finding> sink)
      throws IOException {
    Dataset dataset = release.dataset(set.name(), set.outputName().replaceFirst("\\.xml$", ""), DocumentKind.ORGANISATIONS);
    try (ActivityJoin join = Publisher.stage(set, delimiter, set.link(), sink, (id, row) -> { })) {
      Map<String, FileTally> tallies = Publisher.tallies(join);
      if (!join.complete()) {
        release.keepPrevious(dataset);
        return Publisher.incomplete(set, join, tallies, "organisation", sink);
      }
      PathHeaderMapping mapping = new PathHeaderMapping(PathHeaderMapping.Records.ORGANISATIONS);
      ActivityWriter writer = ActivityWriter.organisations(SchemaSet.bundled().organisations());
      int published = 0;
      int withheld = 0;
      for (ActivityRows rows = join.next(); rows != null; rows = join.next()) {
        ActivityDraft draft = mapping.map(rows);
        List<Finding> findings = new ArrayList<>(draft.findings());
        byte[] xml = draft.hasErrors() ? null : write(draft, binder, writer, findings);
        findings.forEach(sink);
        boolean ok = xml != null && findings.stream().noneMatch(Finding::isError);
        if (ok) {
          dataset.add(draft.identifier(), null, xml);
          published++;
        } else {
          dataset.withhold(rows.id());
          withheld++;
          sink.accept(Finding.error("publish/withheld", rows.main().whole(), "organisation '" + rows.id()
              + "' is withheld because of the errors above; its " + rows.allRows().size()
              + " rows (this one and the rows linked to it) are not published"));
        }
        for (SourceRow row : rows.allRows()) {
          tallies.computeIfPresent(row.file(), (k, t) -> ok ? t.plus(1, 0, 0) : t.plus(0, 1, 0));
        }
      }
      if (published == 0) {
        release.keepPrevious(dataset);
      }
      return new SetOutcome(set.shown(), published == 0 ? null : release.output().resolve(dataset.firstFile()), published,
          withheld, List.copyOf(tallies.values()));
    }
  }

  /** The organisation's bytes, or null when it could not be bound; schema problems and lost values go to {@code findings}. */
  private static byte[] write(ActivityDraft draft, ActivityBinder binder, ActivityWriter writer, List<Finding> findings) {
    ActivityBinder.BoundOrganisation bound = binder.bindOrganisation(draft);
    findings.addAll(bound.findings());
    if (!bound.ok()) {
      return null;
    }
    ActivityWriter.Written written = writer.write(bound.organisation());
    Publisher.DraftCells cells = new Publisher.DraftCells(draft);
    for (ActivityWriter.Problem problem : written.problems()) {
      findings.add(Finding.error(problem.rule(), Publisher.locate(problem, cells.get(), draft.rows()), "organisation '"
          + draft.identifier() + "', " + Publisher.shortPath(problem.path()) + ": " + problem.message()));
    }
    if (!written.print().equals(draft.activity().print())) {
      findings.addAll(Publisher.lost("organisation", draft, cells.get(), writer.paths(bound.organisation()), bound.cells()));
    }
    return written.xml();
  }
}
