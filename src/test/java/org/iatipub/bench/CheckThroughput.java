package org.iatipub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.validation.Check;
import org.iatipub.validation.CheckSuite;
import org.iatipub.validation.FileValidator;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;
import org.iatipub.validation.SchemaSet;
import org.iatipub.validation.StandardChecks;
import org.iatipub.validation.rules.AgencyPrefixes;

/**
 * The CPU cost of the codelist and IATI rule checks alone, without parsing or schema validation:
 * reads the records of an IATI file once, then runs the standard check suite over them several
 * times, as {@code validate} and {@code publish} do for one file, and prints records per second of
 * this thread's CPU time (best and median round; the machine is shared, so the best is the
 * figure to compare). It also prints a digest of every finding, so two builds can be shown to find
 * exactly the same things.
 *
 * <p>Usage: {@code CheckThroughput FILE [RECORDS] [ROUNDS]} (defaults: every record, 10 rounds).
 */
public final class CheckThroughput {
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: CheckThroughput FILE [RECORDS] [ROUNDS]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    // Loaded before timing: the bundled codelists are read once per JVM, not per file.
    CodelistSnapshot.bundled();
    AgencyPrefixes.bundled();

    List<Node> roots = new ArrayList<>();
    List<Node> records = new ArrayList<>();
    Check collect = new Check() {
      @Override
      public void root(Node root, Reporter reporter) {
        roots.add(root);
      }

      @Override
      public void record(Node record, Reporter reporter) {
        if (records.size() < limit) {
          records.add(record);
        }
      }
    };
    new FileValidator(SchemaSet.bundled(), new CheckSuite(List.of(() -> collect))).validate(file, file.toString(), f -> { });
    if (roots.isEmpty()) {
      System.err.println(file + ": no IATI root element");
      System.exit(1);
    }
    Node root = roots.get(0);
    System.out.printf(Locale.ROOT, "%s: %d records, %d rounds%n", file, records.size(), rounds);

    CheckSuite suite = StandardChecks.suite(java.time.Clock.systemUTC());
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] perSecond = new double[rounds];
    Digest digest = null;
    for (int round = 0; round < rounds; round++) {
      Digest found = new Digest();
      long start = cpu.getCurrentThreadCpuTime();
      List<Check> checks = suite.forOneFile();
      for (Check check : checks) {
        check.root(root, found);
      }
      for (Node record : records) {
        for (Check check : checks) {
          check.record(record, found);
        }
      }
      for (Check check : checks) {
        check.end(found);
      }
      long nanos = cpu.getCurrentThreadCpuTime() - start;
      perSecond[round] = records.size() / (nanos / 1e9);
      if (digest != null && (digest.count != found.count || digest.hash != found.hash)) {
        throw new IllegalStateException("round " + round + " found something else than round 0");
      }
      digest = found;
      System.out.printf(Locale.ROOT, "round %d: %.0f records/s (%.3f s CPU)%n", round, perSecond[round], nanos / 1e9);
    }
    double[] sorted = perSecond.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "best %.0f records/s, median %.0f records/s; findings %d, digest %016x%n",
        sorted[rounds - 1], sorted[rounds / 2], digest.count, digest.hash);
  }

  /** Every finding, in order, folded into one number: same digest, same findings. */
  private static final class Digest implements Reporter {
    long count;
    long hash = 17;

    @Override
    public void report(org.iatipub.finding.Severity severity, String rule, Node at, String message) {
      count++;
      String line = severity + "|" + rule + "|" + at.name() + "|" + at.line() + ":" + at.column() + "|" + message;
      hash = hash * 1_000_003L + line.hashCode();
    }
  }
}
