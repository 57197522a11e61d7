package org.iatipub.reports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The frame of every HTML report: one self-contained file (no external script, style, font or
 * image, so it works offline, from a USB stick or as an e-mail attachment), with one inline style
 * and one inline script, the filters. Its Content-Security-Policy allows exactly those two, by
 * their hashes, and nothing else at all: no other script, no network. So even if escaping failed
 * somewhere, text from a file could not run as script or call out.
 */
final class HtmlPage {
  static final String STYLE = """
      :root{--critical:#7a0019;--error:#b3261e;--warning:#8a5a00;--advisory:#3b5b8a;--ok:#1b6e3a;--line:#d0d4da;--soft:#f4f5f7}
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430;margin:0 auto;max-width:72rem;padding:0 1.2rem 3rem}
      header{border-bottom:3px solid #1d2430;margin-bottom:1rem}
      h1{font-size:1.6rem;margin:1.2rem 0 .3rem}h2{font-size:1.3rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line)}
      h3{font-size:1.1rem;margin:1.4rem 0 .4rem}h4,h5{margin:.6rem 0 .3rem;font-size:1rem}
      nav a{margin-right:1rem}a{color:#1f4f99}
      table{border-collapse:collapse;margin:.4rem 0 1rem;width:100%}
      th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
      th{background:var(--soft)}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
      tfoot td{font-weight:600}
      .valid{color:var(--ok);font-weight:600}.invalid{color:var(--error);font-weight:600}
      .sev{display:inline-block;border-radius:.6rem;padding:0 .5rem;font-size:.8rem;font-weight:600;color:#fff}
      .sev-critical{background:var(--critical)}.sev-error{background:var(--error)}.sev-warning{background:var(--warning)}.sev-advisory{background:var(--advisory)}
      .record{border:1px solid var(--line);border-radius:.4rem;margin:.6rem 0;padding:.2rem .8rem .6rem}
      .record>summary{cursor:pointer;font-weight:600;padding:.3rem 0}
      .id{font-family:ui-monospace,Menlo,Consolas,monospace}.title{font-weight:400}
      ol.findings{padding-left:1.4rem;margin:.2rem 0}
      .f{margin:.5rem 0}.where{color:#555;font-size:.9rem;margin:0}.where code{font-size:.85rem}.msg{margin:.1rem 0 .3rem}
      pre{background:var(--soft);border:1px solid var(--line);border-radius:.3rem;padding:.4rem .6rem;overflow-x:auto;font-size:.85rem;line-height:1.35;margin:.2rem 0}
      .ln{display:inline-block;min-width:3.5rem;color:#777;user-select:none}
      mark{background:#ffe08a;outline:1px solid #c9a227}
      .cut{color:#999}.note,.more{color:#555;font-size:.9rem}
      form#filters{background:var(--soft);border:1px solid var(--line);border-radius:.4rem;padding:.5rem .8rem;margin:.6rem 0}
      form#filters label{margin-right:1rem;white-space:nowrap}
      dl.stamp{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.stamp dt{font-weight:600}dl.stamp dd{margin:0;word-break:break-all}
      svg text{font:12px system-ui,sans-serif;fill:#1d2430}svg text.change{fill:var(--error);font-weight:700}
      .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(34rem,1fr));gap:1rem}svg.chart{max-width:100%;height:auto}
      figure{margin:.5rem 0}figcaption{margin-bottom:.3rem}.headline{font-size:1.05rem}
      @media print{form#filters,nav{display:none}.record{break-inside:avoid}}
      """;

  static final String SCRIPT = """
      (function () {
        var form = document.getElementById('filters');
        if (!form) { return; }
        form.hidden = false;
        function apply() {
          var severities = {};
          form.querySelectorAll('input[name=severity]').forEach(function (box) { severities[box.value] = box.checked; });
          var rule = form.elements.rule.value;
          var file = form.elements.file.value;
          var shown = 0;
          document.querySelectorAll('.f').forEach(function (f) {
            var keep = severities[f.dataset.severity] && (rule === '' || f.dataset.rule === rule) && (file === '' || f.dataset.file === file);
            f.hidden = !keep;
            if (keep) { shown++; }
          });
          document.querySelectorAll('.c').forEach(function (c) { c.hidden = !c.querySelector('.f:not([hidden])'); });
          document.getElementById('shown').textContent = String(shown);
        }
        form.addEventListener('change', apply);
        apply();
      })();
      """;

  private HtmlPage() {}

  /** Allows the one style and the one script, by hash, and nothing else: no other script, no requests at all. */
  static String contentSecurityPolicy() {
    return "default-src 'none'; style-src '" + hash(STYLE) + "'; script-src '" + hash(SCRIPT) + "'; img-src 'none';"
        + " base-uri 'none'; form-action 'none'";
  }

  static String hash(String inline) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static void start(Writer out, String title) throws IOException {
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + contentSecurityPolicy() + "\">\n");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.write("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.write("<title>" + escape(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n");
  }

  static void end(Writer out) throws IOException {
    out.write("<script>" + SCRIPT + "</script>\n</body>\n</html>\n");
  }

  /**
   * Text for HTML content and attribute values: markup characters as entities, and characters HTML
   * does not allow (C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF) as U+FFFD.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c) || c == 0xfffe || c == 0xffff
              || c >= 0x7f && c < 0xa0) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Text cut to {@code max} characters, with an ellipsis when cut: reports name things, they do not reprint them. */
  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** An external link that opens without telling the site where it came from. */
  static String link(String url, String text) {
    return "<a href=\"" + escape(url) + "\" rel=\"noopener noreferrer\" target=\"_blank\">" + escape(text) + "</a>";
  }
}
