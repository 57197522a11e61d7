package org.iatipub.exports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proof that an export agrees with the IATI transactions it was made from: for the year, in US
 * dollars to the cent, the IATI totals beside each export's totals and each table's sum, and every
 * transaction of the year counted or left out with its reason.
 *
 * @param year the calendar year
 * @param exports what was exported
 * @param transactions the transactions of the year in the files read
 * @param counted those counted by every export their type feeds
 * @param leftOut the others, by reason (other type, bad value, no currency, no rate, no code):
 *     {@code counted} and these add up to {@code transactions}
 * @param checks the totals that must agree
 * @param leftOutFile the file listing every transaction left out, with its reason
 */
public record Reconciliation(int year, List<ExportKind> exports, long transactions, long counted, Map<String, Long> leftOut,
    List<Check> checks, String leftOutFile) {

  /**
   * One set of totals that must be equal.
   *
   * @param name what they are (expenses, revenue, commitments, amounts received)
   * @param lines the IATI total first, then the exports' totals and tables' sums
   * @param lost transactions of the kind the IATI total counts that no export could count (no
   *     rate, no code ...): their amounts are in no total, so the check cannot agree
   */
  public record Check(String name, List<Line> lines, long lost) {
    public boolean agrees() {
      return lost == 0 && lines.stream().allMatch(l -> l.cents() == lines.get(0).cents());
    }
  }

  /** One total: what it is, the amount in cents, and what it counts (transactions, rows). */
  public record Line(String what, long cents, String counts) {}

  public Reconciliation {
    exports = List.copyOf(exports);
    leftOut = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
    checks = List.copyOf(checks);
  }

  /** True when every check agrees: every total of the year is the same in IATI and in each export. */
  public boolean agrees() {
    return checks.stream().allMatch(Check::agrees);
  }

  /** The reconciliation as a person reads it. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append("Reconciliation of ").append(year).append(" (").append(ExportSettings.words(exports))
        .append("), US dollars to the cent\n");
    out.append(String.format("transactions of %d: %d, counted %d, left out %d%s%n", year, transactions, counted,
        leftOut.values().stream().mapToLong(Long::longValue).sum(), leftOut.isEmpty() ? "" : " (" + String.join(", ",
            leftOut.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()) + "; listed in " + leftOutFile + ")"));
    int width = checks.stream().flatMap(c -> c.lines().stream()).mapToInt(l -> l.what().length()).max().orElse(10);
    for (Check check : checks) {
      out.append(check.name()).append(": ").append(check.agrees() ? "agree" : "DO NOT AGREE").append('\n');
      for (Line line : check.lines()) {
        out.append(String.format("  %-" + width + "s %20s%s%n", line.what(), Usd.shown(line.cents()),
            line.counts().isEmpty() ? "" : "  " + line.counts()));
      }
      if (check.lost() > 0) {
        out.append(String.format("  %d transaction%s of this kind could not be counted (see %s)%n", check.lost(),
            check.lost() == 1 ? "" : "s", leftOutFile));
      }
    }
    out.append(agrees() ? "the exports agree with the IATI transactions\n"
        : "the exports DO NOT agree with the IATI transactions\n");
    return out.toString();
  }

  /** The reconciliation as one JSON document, amounts as decimal strings with two places. */
  public void json(Writer out) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, asMap());
    out.write('\n');
    out.flush();
  }

  /** What the JSON document holds, in its order, for reports that embed it. */
  public Map<String, Object> asMap() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("year", year);
    document.put("currency", "USD");
    document.put("rounding", "each transaction converted and rounded to the cent, half away from zero;"
        + " shares to the cent by largest remainder, so they add up to the amount shared");
    document.put("exports", exports.stream().map(ExportKind::word).toList());
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("of-the-year", transactions);
    counts.put("counted", counted);
    counts.put("left-out", leftOut);
    document.put("transactions", counts);
    document.put("left-out-file", leftOutFile);
    document.put("checks", checks.stream().map(c -> {
      Map<String, Object> check = new LinkedHashMap<>();
      check.put("name", c.name());
      check.put("agrees", c.agrees());
      check.put("lines", c.lines().stream().map(l -> {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("what", l.what());
        line.put("usd", Usd.plain(l.cents()));
        line.put("counts", l.counts());
        return line;
      }).toList());
      check.put("not-counted", c.lost());
      return check;
    }).toList());
    document.put("agrees", agrees());
    return document;
  }
}
