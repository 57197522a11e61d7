package org.iatipub.reports;

import static org.iatipub.reports.HtmlPage.escape;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.publish.dataset.PortfolioSummary;

/**
 * The published portfolio at a glance beside last night's: inline SVG bar charts (no script, no
 * library) of spending by country, sector and year, tonight's bar under last night's with both
 * figures and the activities, and a headline that says at once when spending or activities moved
 * by more than a quarter (an export that lost half its spend).
 */
final class PortfolioCharts {
  /** Rows a chart shows; years are all shown. */
  static final int KEYS = 12;
  /** A change beyond this share is called out. */
  private static final BigDecimal NOTABLE = new BigDecimal("0.25");
  private static final int WIDTH = 700;
  private static final int LABEL = 170;
  private static final int BARS = 240;
  private static final int ROW = 32;

  private PortfolioCharts() {}

  static void write(Writer out, Optional<PortfolioSummary> before, PortfolioSummary now) throws IOException {
    String currency = mainCurrency(now, before);
    out.write("<section id=\"portfolio\">\n<h2>The published portfolio at a glance</h2>\n");
    BigDecimal spentNow = now.spend().getOrDefault(currency, BigDecimal.ZERO);
    out.write("<p class=\"headline\">Activities published: <strong>" + now.activities() + "</strong>");
    if (before.isPresent()) {
      out.write(" (last night " + before.get().activities() + change(BigDecimal.valueOf(before.get().activities()),
          BigDecimal.valueOf(now.activities())) + ")");
    }
    out.write(". Spending (disbursements and expenditure): <strong>" + escape(currency) + " " + amount(spentNow) + "</strong>");
    if (before.isPresent()) {
      BigDecimal spentBefore = before.get().spend().getOrDefault(currency, BigDecimal.ZERO);
      out.write(" (last night " + amount(spentBefore) + change(spentBefore, spentNow) + ")");
    }
    out.write(".</p>\n");
    if (before.isEmpty()) {
      out.write("<p class=\"note\">No earlier edition to compare with: the output directory held no portfolio summary before this run.</p>\n");
    }
    if (now.spend().size() > 1) {
      out.write("<p class=\"note\">Charts show " + escape(currency) + "; spending in other currencies: ");
      List<String> others = new ArrayList<>();
      now.spend().forEach((c, a) -> {
        if (!c.equals(currency)) {
          others.add(escape(c) + " " + amount(a));
        }
      });
      out.write(String.join(", ", others) + ".</p>\n");
    }
    out.write("<div class=\"charts\">\n");
    chart(out, "By recipient country", now.byCountry(), before.map(PortfolioSummary::byCountry).orElse(List.of()), currency, false,
        "Country");
    chart(out, "By DAC sector category", now.bySector(), before.map(PortfolioSummary::bySector).orElse(List.of()), currency, false,
        "SectorCategory");
    chart(out, "By year", now.byYear(), before.map(PortfolioSummary::byYear).orElse(List.of()), currency, true, null);
    out.write("</div>\n</section>\n");
  }

  /** The currency most was spent in, tonight (else last night). */
  static String mainCurrency(PortfolioSummary now, Optional<PortfolioSummary> before) {
    Map<String, BigDecimal> spend = !now.spend().isEmpty() ? now.spend() : before.map(PortfolioSummary::spend).orElse(Map.of());
    return spend.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("USD");
  }

  /** @param codelist the codelist that names the keys (Country, SectorCategory), or null to show them as they are */
  private static void chart(Writer out, String title, List<PortfolioSummary.Line> now, List<PortfolioSummary.Line> before,
      String currency, boolean byKey, String codelist) throws IOException {
    Map<String, PortfolioSummary.Line> tonight = byKey(now);
    Map<String, PortfolioSummary.Line> lastNight = byKey(before);
    TreeSet<String> keys = new TreeSet<>(tonight.keySet());
    keys.addAll(lastNight.keySet());
    List<String> shown = new ArrayList<>(keys);
    if (!byKey) {
      shown.sort(Comparator.comparing((String k) -> spend(tonight.get(k), currency)).thenComparing(k -> spend(lastNight.get(k), currency))
          .reversed().thenComparing(Comparator.naturalOrder()));
    }
    int hidden = byKey ? 0 : Math.max(0, shown.size() - KEYS);
    if (hidden > 0) {
      shown = shown.subList(0, KEYS);
    }
    BigDecimal max = BigDecimal.ONE;
    for (String key : shown) {
      max = max.max(spend(tonight.get(key), currency)).max(spend(lastNight.get(key), currency));
    }
    int height = 28 + ROW * Math.max(shown.size(), 1);
    out.write("<figure>\n<figcaption><strong>" + escape(title) + "</strong> · " + escape(currency)
        + " spent, last night's bar (grey) above tonight's</figcaption>\n");
    out.write("<svg class=\"chart\" viewBox=\"0 0 " + WIDTH + " " + height + "\" width=\"" + WIDTH + "\" height=\"" + height
        + "\" role=\"img\" aria-label=\"" + escape(title) + "\">\n");
    if (shown.isEmpty()) {
      out.write("<text x=\"0\" y=\"20\">nothing published</text>\n");
    }
    int y = 10;
    for (String key : shown) {
      PortfolioSummary.Line n = tonight.get(key);
      PortfolioSummary.Line b = lastNight.get(key);
      BigDecimal spentNow = spend(n, currency);
      BigDecimal spentBefore = spend(b, currency);
      long activitiesNow = n == null ? 0 : n.activities();
      long activitiesBefore = b == null ? 0 : b.activities();
      out.write("<text x=\"0\" y=\"" + (y + 15) + "\">" + escape(HtmlPage.cut(label(key, codelist), 26)) + "<title>" + escape(label(key, codelist))
          + "</title></text>\n");
      out.write("<rect x=\"" + LABEL + "\" y=\"" + y + "\" width=\"" + width(spentBefore, max) + "\" height=\"9\" fill=\"#b8bec8\">"
          + "<title>" + escape(key) + ", last night: " + escape(currency) + " " + amount(spentBefore) + ", " + activitiesBefore
          + " activities</title></rect>\n");
      out.write("<rect x=\"" + LABEL + "\" y=\"" + (y + 11) + "\" width=\"" + width(spentNow, max) + "\" height=\"12\" fill=\"#1f4f99\">"
          + "<title>" + escape(key) + ", tonight: " + escape(currency) + " " + amount(spentNow) + ", " + activitiesNow
          + " activities</title></rect>\n");
      boolean notable = notable(spentBefore, spentNow) || notable(BigDecimal.valueOf(activitiesBefore), BigDecimal.valueOf(activitiesNow));
      out.write("<text x=\"" + (LABEL + BARS + 10) + "\" y=\"" + (y + 15) + "\"" + (notable ? " class=\"change\"" : "")
          + ">" + amount(spentNow) + " · " + activitiesNow + " act. (was " + amount(spentBefore) + " · " + activitiesBefore + ")</text>\n");
      y += ROW;
    }
    out.write("</svg>\n");
    if (hidden > 0) {
      out.write("<p class=\"note\">" + hidden + " more not shown; the summary file lists them all.</p>\n");
    }
    out.write("</figure>\n");
  }

  /** {@code KE Kenya}: the code and its name in the codelist, when it has one. */
  private static String label(String key, String codelist) {
    if (codelist == null) {
      return key;
    }
    return CodelistSnapshot.bundled().codelist(codelist).flatMap(c -> c.code(key)).map(code -> key + " " + code.name()).orElse(key);
  }

  private static Map<String, PortfolioSummary.Line> byKey(List<PortfolioSummary.Line> lines) {
    Map<String, PortfolioSummary.Line> byKey = new HashMap<>();
    lines.forEach(line -> byKey.put(line.key(), line));
    return byKey;
  }

  private static BigDecimal spend(PortfolioSummary.Line line, String currency) {
    return line == null ? BigDecimal.ZERO : line.spend().getOrDefault(currency, BigDecimal.ZERO);
  }

  private static int width(BigDecimal value, BigDecimal max) {
    return value.signum() <= 0 ? 0 : Math.max(1, value.multiply(BigDecimal.valueOf(BARS)).divide(max, 0, RoundingMode.HALF_UP).intValue());
  }

  private static boolean notable(BigDecimal before, BigDecimal now) {
    if (before.signum() == 0) {
      return now.signum() != 0;
    }
    return now.subtract(before).abs().divide(before.abs(), 4, RoundingMode.HALF_UP).compareTo(NOTABLE) > 0;
  }

  /** {@code , −50%} when the change is notable, marked as such; empty otherwise. */
  private static String change(BigDecimal before, BigDecimal now) {
    if (!notable(before, now)) {
      return "";
    }
    if (before.signum() == 0) {
      return ", <strong class=\"invalid\">new</strong>";
    }
    BigDecimal percent = now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before.abs(), 0, RoundingMode.HALF_UP);
    return ", <strong class=\"invalid\">" + (percent.signum() > 0 ? "+" : "−") + percent.abs().toPlainString() + "%</strong>";
  }

  /** 1.2M, 350k, 999.5: the size at a glance; the summary file has the cents. */
  static String amount(BigDecimal value) {
    BigDecimal abs = value.abs();
    String sign = value.signum() < 0 ? "−" : "";
    if (abs.compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
      return sign + abs.movePointLeft(9).setScale(1, RoundingMode.HALF_UP).toPlainString() + "G";
    }
    if (abs.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
      return sign + abs.movePointLeft(6).setScale(1, RoundingMode.HALF_UP).toPlainString() + "M";
    }
    if (abs.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
      return sign + abs.movePointLeft(3).setScale(0, RoundingMode.HALF_UP).toPlainString() + "k";
    }
    return sign + abs.setScale(0, RoundingMode.HALF_UP).toPlainString();
  }
}
