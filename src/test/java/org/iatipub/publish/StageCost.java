package org.iatipub.publish;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iatipub.finding.Location;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.mapping.ActivityDraft;
import org.iatipub.mapping.ActivityMapping;
import org.iatipub.mapping.OwnColumnsMapping;
import org.iatipub.mapping.PathHeaderMapping;
import org.iatipub.mapping.Programmes;
import org.iatipub.source.ActivityJoin;
import org.iatipub.source.ActivityRows;
import org.iatipub.source.Workbook;
import org.iatipub.validation.SchemaSet;
import org.iatipub.validation.StandardChecks;

/**
 * Where one activity's time goes, stage by stage, once the JIT compiler has done its work: stages
 * an input set as publish does, keeps the first activities' rows in memory, then maps, fingerprints,
 * binds, writes (validating) and checks them on this one thread, round after round, and prints each
 * stage's CPU per activity (this thread's CPU; the best round counts, the machine being shared).
 * The benchmark times whole runs; this says which stage a change should aim at, and shows whether
 * it got cheaper without the noise of a whole run.
 *
 * <p>Usage: {@code StageCost INPUT_DIR [ACTIVITIES] [ROUNDS]} (defaults 5000 and 8), INPUT_DIR an
 * input set (e.g. {@code target/bench-20000-20/own/input}); run with the benchmark's JVM options.
 */
public final class StageCost {
  private static final String[] STAGES = {"map", "fingerprint", "bind", "write", "check"};

  private static ActivityJoin stage(List<ActivityJoin.Source> sources, String what, List<String> findings,
      Programmes programmes) throws java.io.IOException {
    return ActivityJoin.stage(sources.get(0), sources.subList(1, sources.size()), what,
        finding -> findings.add(finding.toString()), programmes == null ? (id, row) -> { } : programmes::learn);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: StageCost INPUT_DIR [ACTIVITIES] [ROUNDS]");
      System.exit(2);
    }
    Path input = Path.of(args[0]);
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    InputSet set = InputSet.discover(new PublishRequest(input, null, input.resolve("unused"), ',', null, false)).get(0);
    boolean own = set.form() == InputForm.OWN;
    List<String> findings = new ArrayList<>();
    try (Workbook workbook = set.openWorkbook();
        Programmes programmes = own ? Programmes.create(set.mapping()) : null;
        ActivityJoin join = stage(set.sources(workbook, ','), own ? "project id" : set.link(), findings, programmes);
        ActivityChecks checks = new ActivityChecks(StandardChecks.suite(java.time.Clock.systemUTC()), new Location.WholeFile(set.shown()),
            ActivityChecks.Wording.AS_CHECKED)) {
      if (!findings.isEmpty()) {
        System.out.println(findings.size() + " findings while staging, the first: " + findings.get(0));
      }
      List<ActivityRows> activities = new ArrayList<>();
      for (ActivityRows rows = join.next(); rows != null && activities.size() < limit; rows = join.next()) {
        activities.add(rows);
      }
      ActivityMapping mapping = own
          ? new OwnColumnsMapping(set.mapping(), set.crosswalks(), programmes, join::contains, true)
          : new PathHeaderMapping();
      ActivityBinder binder = ActivityBinder.create();
      ActivityWriter writer = new ActivityWriter(SchemaSet.bundled().activities());
      System.out.printf(Locale.ROOT, "%s: %d activities, %d rounds; CPU per activity in microseconds%n",
          input, activities.size(), rounds);
      double[] best = null;
      for (int round = 0; round < rounds; round++) {
        double[] spent = round(activities, mapping, binder, writer, checks);
        System.out.printf(Locale.ROOT, "round %d: %s%n", round, line(spent));
        if (best == null || total(spent) < total(best)) {
          best = spent;
        }
      }
      System.out.printf(Locale.ROOT, "best:    %s%n", line(best));
    }
  }

  /** Each stage's CPU nanoseconds per activity over one round; fails if an activity would be withheld. */
  private static double[] round(List<ActivityRows> activities, ActivityMapping mapping, ActivityBinder binder,
      ActivityWriter writer, ActivityChecks checks) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] spent = new long[STAGES.length];
    for (ActivityRows rows : activities) {
      long t0 = cpu.getCurrentThreadCpuTime();
      ActivityDraft draft = mapping.map(rows);
      long t1 = cpu.getCurrentThreadCpuTime();
      draft.activity().print();
      long t2 = cpu.getCurrentThreadCpuTime();
      ActivityBinder.Bound bound = binder.bind(draft);
      long t3 = cpu.getCurrentThreadCpuTime();
      // Only clean activities are timed all the way: a withheld one stops early and would flatter.
      if (draft.hasErrors() || !bound.ok()) {
        throw new IllegalStateException("activity '" + draft.identifier() + "' cannot be published: "
            + draft.findings() + bound.findings());
      }
      ActivityWriter.Written written = writer.write(bound.activity());
      long t4 = cpu.getCurrentThreadCpuTime();
      if (!written.valid()) {
        throw new IllegalStateException("activity '" + draft.identifier() + "' is not valid: " + written.problems());
      }
      checks.checkAlone(written, new Publisher.DraftCells(draft), rows.main().whole(), draft.identifier());
      long t5 = cpu.getCurrentThreadCpuTime();
      spent[0] += t1 - t0;
      spent[1] += t2 - t1;
      spent[2] += t3 - t2;
      spent[3] += t4 - t3;
      spent[4] += t5 - t4;
    }
    double[] perActivity = new double[STAGES.length];
    for (int i = 0; i < STAGES.length; i++) {
      perActivity[i] = spent[i] / (double) activities.size();
    }
    return perActivity;
  }

  private static double total(double[] spent) {
    double sum = 0;
    for (double stage : spent) {
      sum += stage;
    }
    return sum;
  }

  private static String line(double[] spent) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < STAGES.length; i++) {
      line.append(String.format(Locale.ROOT, "%s %.0f, ", STAGES[i], spent[i] / 1e3));
    }
    return line.append(String.format(Locale.ROOT, "total %.0f", total(spent) / 1e3)).toString();
  }
}
