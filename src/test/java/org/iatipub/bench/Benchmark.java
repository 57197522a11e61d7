package org.iatipub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scale benchmark: generates a large publisher's input, publishes it with the built jar in
 * a separate JVM (default heap, as a cron job runs it), publishes it again with nothing changed,
 * then again after a next night's changes ({@link NextNight}: 1% of the activities changed, 0.5%
 * added, 0.5% removed), each reading the state the run before left, and times {@code xmllint
 * --schema} with the official XSD on the output as the reference point.
 *
 * <p>Usage: {@code Benchmark ACTIVITIES TRANSACTIONS WORKDIR JAR OFFICIAL_XSD [own|path-headers|workbook|both|all]}
 * (both: own and path-headers; all: the three; workbook: the path-header rows as one .xlsx workbook).
 * Peak live heap is the largest heap left after a full collection, forced every few seconds (see
 * {@link #run}): what the program holds, not what the collector happened to reserve (the default
 * heap on a big machine lets the JVM reserve gigabytes it does not need). Peak RSS and CPU time come from
 * {@code /usr/bin/time} when present; CPU time above wall time shows both cores at work.
 */
public final class Benchmark {
  private static final Pattern HEAP_AFTER_GC = Pattern.compile("->(\\d+)M\\(");
  private static final int LIVE_HEAP_SAMPLE_SECONDS = 10;
  // Reading and staging the CSV files, whose sort buffers are the run's largest fixed cost in
  // memory, take a few seconds at the start: sampled every 10 s, a short run would never show
  // them and a long one would, and the two would not compare.
  private static final int EARLY_SAMPLE_SECONDS = 2;
  private static final int EARLY_SECONDS = 20;
  private static final Pattern FLOOR_COLD = Pattern.compile("floor: ([0-9.]+) s wall cold");
  /**
   * Publish runs as the README's cron line runs it: with the throughput collector, which suits a
   * batch job with no one waiting on pauses (about a fifth less CPU than the default G1 here), and
   * with less inlining, which leaves the JIT compiler less to do in a run where it takes a third
   * of the CPU (15 to 25% less time at 20,000 activities here, 6% at 200,000).
   */
  static final List<String> JAVA_OPTIONS =
      List.of("-XX:+UseParallelGC", "-XX:InlineSmallCode=500", "-XX:MaxInlineSize=20", "-XX:FreqInlineSize=150");

  public static void main(String[] args) throws Exception {
    if (args.length < 5 || args.length > 6) {
      System.err.println("usage: Benchmark ACTIVITIES TRANSACTIONS WORKDIR JAR OFFICIAL_XSD [own|path-headers|workbook|both|all]");
      System.exit(2);
    }
    int activities = Integer.parseInt(args[0]);
    int transactions = Integer.parseInt(args[1]);
    Path work = Path.of(args[2]);
    Path jar = Path.of(args[3]);
    Path xsd = Path.of(args[4]);
    String which = args.length > 5 ? args[5] : "both";
    List<String> forms = switch (which) {
      case "both" -> List.of("own", "path-headers");
      case "all" -> List.of("own", "path-headers", "workbook");
      default -> List.of(which);
    };
    deleteTree(work);
    Files.createDirectories(work);
    System.out.printf(Locale.ROOT, "machine: %d cores, %.0f GiB RAM, Java %s (%s), default max heap %d MB;"
        + " publish runs with %s%n", Runtime.getRuntime().availableProcessors(), memoryGib(),
        System.getProperty("java.version"), System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20,
        String.join(" ", JAVA_OPTIONS));
    boolean ok = true;
    for (String form : forms) {
      ok &= run(form, activities, transactions, work.resolve(form), jar, xsd);
    }
    System.exit(ok ? 0 : 1);
  }

  private static boolean run(String form, int activities, int transactions, Path work, Path jar, Path xsd)
      throws Exception {
    Path input = work.resolve("input");
    Path output = work.resolve("output");
    Files.createDirectories(work);

    long t0 = System.nanoTime();
    SyntheticPortfolio portfolio = new SyntheticPortfolio(activities, transactions, 2020_2025L);
    if (form.equals("own")) {
      portfolio.writeOwnColumns(input, Path.of("samples/crosswalks"));
    } else if (form.equals("workbook")) {
      Files.createDirectories(input);
      portfolio.writeWorkbook(input.resolve("portfolio.xlsx"));
    } else {
      portfolio.writePathHeaders(input);
    }
    double generateSeconds = seconds(t0);
    long inputBytes = SyntheticPortfolio.size(input);

    Published first = publish(work, jar, input, output, "publish");
    List<Path> xml = xmlFiles(output);
    long outputBytes = xml.stream().mapToLong(Benchmark::size).sum();

    // On a shared machine wall time says as much about the others' load as about the run: xmllint's
    // CPU time is taken too, so that the ratios can be given in CPU as well.
    Path lintTime = work.resolve("xmllint.time");
    boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
    List<String> lint = new ArrayList<>();
    if (timed) {
      lint.addAll(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", lintTime.toString()));
    }
    lint.addAll(List.of("xmllint", "--noout", "--huge", "--schema", xsd.toString()));
    xml.forEach(p -> lint.add(p.toString()));
    t0 = System.nanoTime();
    Run xmllint = run(lint, work.resolve("xmllint.log"), 0);
    double xmllintSeconds = seconds(t0);
    String[] lintCpu = timed ? Files.readString(lintTime).trim().split("\\s+") : new String[] {"0", "0", "0"};
    double xmllintCpu = Double.parseDouble(lintCpu[lintCpu.length - 2]) + Double.parseDouble(lintCpu[lintCpu.length - 1]);

    // The same input again: every activity's input is unchanged, so each is taken as published.
    Published unchanged = publish(work, jar, input, output, "publish-unchanged");
    // The next night: a few activities changed, added and removed, the rest as they were. The edits
    // are made to CSV files: a workbook's next night is not measured.
    boolean workbook = form.equals("workbook");
    NextNight.Changes changes = null;
    double editSeconds = 0;
    Published next = null;
    if (!workbook) {
      t0 = System.nanoTime();
      changes = NextNight.apply(input, form.equals("own"), 2025L);
      editSeconds = seconds(t0);
      next = publish(work, jar, input, output, "publish-next-night");
    }
    List<Published> nights = next == null ? List.of(first, unchanged) : List.of(first, unchanged, next);

    // The exports of one year (Data Cube and CRS, reconciled) from the published files, in a JVM of
    // their own as `iatipub export all` runs: they read the files once, streaming.
    Path exportGcLog = work.resolve("gc-export.log");
    Path exportTime = work.resolve("export.time");
    List<String> export = new ArrayList<>();
    if (timed) {
      export.addAll(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", exportTime.toString()));
    }
    export.add("java");
    export.addAll(JAVA_OPTIONS);
    Path exportSettings = SyntheticPortfolio.writeExportSettings(work.resolve("export-settings"));
    export.addAll(List.of("-Xlog:gc:file=" + exportGcLog, "-jar", jar.toString(), "export", "all",
        "--year", Integer.toString(SyntheticPortfolio.EXPORT_YEAR), "--settings", exportSettings.toString(),
        "--output", work.resolve("exports").toString()));
    xmlFiles(output).forEach(p -> export.add(p.toString()));
    t0 = System.nanoTime();
    Run exported = run(export, work.resolve("export.log"), LIVE_HEAP_SAMPLE_SECONDS);
    double exportSeconds = seconds(t0);
    String[] exportCpu = timed ? Files.readString(exportTime).trim().split("\\s+") : new String[] {"0", "0", "0"};
    double exportCpuSeconds = Double.parseDouble(exportCpu[exportCpu.length - 2])
        + Double.parseDouble(exportCpu[exportCpu.length - 1]);

    Run floor = null;
    Path floorLog = work.resolve("floor.log");
    // The floor is Commons CSV's and the validator's cost: a workbook is not read by Commons CSV, so
    // its floor is not measured.
    if (System.getenv("BENCH_NO_FLOOR") == null && !workbook) {
      // What the libraries alone cost on the same input and output, in a fresh JVM so that its first
      // round is as cold as publish's: the least any pipeline built on them could take here.
      List<String> floorCommand = new ArrayList<>(List.of("java"));
      floorCommand.addAll(JAVA_OPTIONS);
      floorCommand.addAll(List.of("-cp", System.getProperty("java.class.path"), LibraryFloor.class.getName(),
          work.toString()));
      floor = run(floorCommand, floorLog, 0);
    }

    System.out.printf(Locale.ROOT, "%n[%s form] input: %d activities x %d transactions, %.1f MB of %s (generated in %.1f s)%n",
        form, activities, transactions, inputBytes / 1e6, workbook ? "workbook (.xlsx)" : "CSV", generateSeconds);
    System.out.printf(Locale.ROOT, "load before the runs: %s%n", first.load());
    System.out.printf(Locale.ROOT,
        "publish (first night, every activity built): exit %d, %.1f s wall, %.1f s CPU (JIT %.1f s), %.0f activities/s,"
            + " %.1f MB/s of XML (%.1f MB in %d files), peak live heap %d MB (sampled by a full GC every %d s, every %d s"
            + " in the first %d s; after young GCs: %d MB), peak RSS %.0f MB%n",
        first.run().exit, first.seconds(), first.cpuSeconds(), first.run().jitSeconds, activities / first.seconds(),
        outputBytes / 1e6 / first.seconds(), outputBytes / 1e6, xml.size(), first.liveHeapMb(), LIVE_HEAP_SAMPLE_SECONDS,
        EARLY_SAMPLE_SECONDS, EARLY_SECONDS, first.youngHeapMb(), first.rssMb());
    System.out.printf(Locale.ROOT, "xmllint --schema (official XSD): exit %d, %.1f s wall, %.1f s CPU%n", xmllint.exit,
        xmllintSeconds, xmllintCpu);
    System.out.printf(Locale.ROOT, "ratio publish/xmllint: %.2f (in CPU: %.2f)%n", first.seconds() / xmllintSeconds,
        first.cpuSeconds() / xmllintCpu);
    for (Published night : nights.subList(1, nights.size())) {
      System.out.printf(Locale.ROOT, "%s: exit %d, %.1f s wall, %.1f s CPU (JIT %.1f s), peak live heap %d MB,"
          + " peak RSS %.0f MB, ratio to xmllint %.2f (in CPU: %.2f); load before: %s%n",
          night == unchanged ? "publish again, nothing changed" : "publish the next night (" + changes + ", edited in "
              + String.format(Locale.ROOT, "%.1f s", editSeconds) + ")",
          night.run().exit, night.seconds(), night.cpuSeconds(), night.run().jitSeconds, night.liveHeapMb(), night.rssMb(),
          night.seconds() / xmllintSeconds, night.cpuSeconds() / xmllintCpu, night.load());
    }
    if (next == null) {
      System.out.println("the next night is not measured for a workbook (its edits are made to CSV files)");
    }
    System.out.printf(Locale.ROOT, "export all (Data Cube and CRS of %d, reconciled): exit %d, %.1f s wall, %.1f s CPU,"
        + " %.0f activities/s, peak live heap %d MB%s%n", SyntheticPortfolio.EXPORT_YEAR, exported.exit, exportSeconds,
        exportCpuSeconds, activities / exportSeconds, peakHeap(exportGcLog, "Pause Full"),
        reconciled(work.resolve("exports"), SyntheticPortfolio.EXPORT_YEAR));
    double floorSeconds = Double.NaN;
    if (floor != null) {
      System.out.println("the libraries alone (LibraryFloor), exit " + floor.exit + ":");
      for (String line : Files.readAllLines(floorLog, StandardCharsets.UTF_8)) {
        System.out.println("  " + line);
      }
      Matcher cold = FLOOR_COLD.matcher(Files.readString(floorLog, StandardCharsets.UTF_8));
      floorSeconds = cold.find() ? Double.parseDouble(cold.group(1)) : Double.NaN;
      System.out.printf(Locale.ROOT, "ratio library floor (cold)/xmllint: %.2f%n", floorSeconds / xmllintSeconds);
    }
    System.out.println("| form | activities x transactions | CSV MB | XML MB | publish s | CPU s | of which JIT s | activities/s"
        + " | XML MB/s | peak live heap MB | xmllint s | publish/xmllint | library floor s |");
    System.out.printf(Locale.ROOT,
        "| %s | %d x %d | %.0f | %.0f | %.1f | %.1f | %.1f | %.0f | %.1f | %d | %.1f | %.2f | %.1f |%n",
        form, activities, transactions, inputBytes / 1e6, outputBytes / 1e6, first.seconds(), first.cpuSeconds(),
        first.run().jitSeconds, activities / first.seconds(), outputBytes / 1e6 / first.seconds(), first.liveHeapMb(),
        xmllintSeconds, first.seconds() / xmllintSeconds, floorSeconds);
    System.out.println("| form | activities | xmllint s (CPU s) | night | s | CPU s | of which JIT s | peak live heap MB"
        + " | /xmllint | /xmllint in CPU |");
    for (Published night : nights) {
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f (%.1f) | %s | %.1f | %.1f | %.1f | %d | %.2f | %.2f |%n", form,
          activities, xmllintSeconds, xmllintCpu, night == first ? "first (all built)" : night == unchanged ? "nothing changed" : "next night",
          night.seconds(), night.cpuSeconds(), night.run().jitSeconds, night.liveHeapMb(), night.seconds() / xmllintSeconds,
          night.cpuSeconds() / xmllintCpu);
    }
    // An exit of 1 says something was reported (a withheld activity, an export's finding), not a failure.
    boolean failed = xmllint.exit != 0 || exported.exit > 1 || (floor != null && floor.exit != 0);
    for (Published night : nights) {
      failed |= night.run().exit > 1; // 1: something withheld, as a next night's removals may make
    }
    if (failed) {
      System.out.println("see the logs in " + work);
      return false;
    }
    return true;
  }

  /** What the reconciliation the export wrote says, in a few words. */
  private static String reconciled(Path exports, int year) throws IOException {
    Path text = exports.resolve("reconciliation-" + year + ".txt");
    if (!Files.exists(text)) {
      return " (no reconciliation written)";
    }
    List<String> lines = Files.readAllLines(text, StandardCharsets.UTF_8);
    return "; " + lines.get(1) + "; " + lines.get(lines.size() - 1);
  }

  /**
   * One publish run, timed.
   *
   * @param load the load average before it started (the machine is shared: say what else ran)
   */
  private record Published(Run run, double seconds, double cpuSeconds, double rssMb, long liveHeapMb, long youngHeapMb,
      String load) {}

  /**
   * Publishes {@code input} into {@code output} in a JVM of its own, as the nightly cron line runs it
   * (its JVM options, default heap), timed by {@code /usr/bin/time} where there is one; logs as
   * {@code name.log}, {@code name.gc.log}.
   */
  private static Published publish(Path work, Path jar, Path input, Path output, String name) throws Exception {
    List<String> java = new ArrayList<>();
    Path timeLog = work.resolve(name + ".time");
    Path gcLog = work.resolve(name + ".gc.log");
    boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
    if (timed) {
      java.addAll(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", timeLog.toString()));
    }
    java.add("java");
    java.addAll(JAVA_OPTIONS);
    java.addAll(List.of("-Xlog:gc:file=" + gcLog, "-jar", jar.toString(), "publish",
        "--input", input.toString(), "--output", output.toString(), "--log-level", "info"));
    String load = load();
    long t0 = System.nanoTime();
    Run run = run(java, work.resolve(name + ".log"), LIVE_HEAP_SAMPLE_SECONDS);
    double seconds = seconds(t0);
    String[] time = timed ? Files.readString(timeLog).trim().split("\\s+") : new String[] {"0", "0", "0"};
    double rssMb = Long.parseLong(time[time.length - 3]) / 1024.0;
    double cpuSeconds = Double.parseDouble(time[time.length - 2]) + Double.parseDouble(time[time.length - 1]);
    return new Published(run, seconds, cpuSeconds, rssMb, peakHeap(gcLog, "Pause Full"), peakHeap(gcLog, "Pause Young"),
        load);
  }

  /** The load averages over 1, 5 and 15 minutes, from /proc (empty where there is none). */
  private static String load() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * How a command ended.
   *
   * @param exit its exit code
   * @param jitSeconds CPU seconds its JVM's JIT compiler threads had used when last seen (sampled
   *     each second from /proc, so a little is missed at the end; 0 where there is no /proc)
   */
  private record Run(int exit, double jitSeconds) {}

  /**
   * Runs {@code command}; every {@code sampleSeconds} (0: never; in the first {@value
   * #EARLY_SECONDS} s every {@value #EARLY_SAMPLE_SECONDS} s) asks its JVM for a full
   * collection ({@code jcmd PID GC.run}), whose result in the GC log is the live heap at that
   * moment. A young collection's result also counts garbage that reached the old generation, which
   * G1 with a large default heap leaves uncollected for a long time: it grows with run time, not
   * with what the program holds. Each second it also reads what the JVM's compiler threads have
   * used: a short run on two cores pays much of its time for compiling.
   */
  private static Run run(List<String> command, Path log, int sampleSeconds) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Map<String, Double> compilers = new HashMap<>();
    for (int second = 1; !process.waitFor(1, java.util.concurrent.TimeUnit.SECONDS); second++) {
      Optional<ProcessHandle> jvm = Stream.concat(Stream.of(process.toHandle()), process.descendants())
          .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
          .findFirst();
      if (jvm.isEmpty()) {
        continue;
      }
      compilers.putAll(compilerSeconds(jvm.get().pid()));
      int every = second <= EARLY_SECONDS ? EARLY_SAMPLE_SECONDS : sampleSeconds;
      if (sampleSeconds > 0 && second % every == 0) {
        try {
          new ProcessBuilder("jcmd", String.valueOf(jvm.get().pid()), "GC.run").redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
          // no jcmd: only the young-collection figure is reported
        }
      }
    }
    return new Run(process.exitValue(), compilers.values().stream().mapToDouble(Double::doubleValue).sum());
  }

  /** CPU seconds (user and system) of each JIT compiler thread of process {@code pid}, by thread id. */
  private static Map<String, Double> compilerSeconds(long pid) {
    Map<String, Double> seconds = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
            continue;
          }
          // Fields after the command name, which is in parentheses and may hold spaces.
          String stat = Files.readString(task.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
          double ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
          seconds.put(task.getFileName().toString(), ticks / 100.0); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
          // the thread ended between listing and reading
        }
      }
    } catch (IOException e) {
      // the process ended, or no /proc
    }
    return seconds;
  }

  /** The largest heap after a collection of the given kind in the GC log, in MB. */
  static long peakHeap(Path gcLog, String kind) throws IOException {
    long peak = 0;
    if (!Files.exists(gcLog)) {
      return 0;
    }
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      if (!line.contains(kind)) {
        continue;
      }
      Matcher m = HEAP_AFTER_GC.matcher(line);
      while (m.find()) {
        peak = Math.max(peak, Long.parseLong(m.group(1)));
      }
    }
    return peak;
  }

  private static double memoryGib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: the line then shows 0
    }
    return 0;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static List<Path> xmlFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }

  private static long size(Path path) {
    try {
      return SyntheticPortfolio.size(path);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
