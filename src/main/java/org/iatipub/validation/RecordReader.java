package org.iatipub.validation;

import java.util.List;
import java.util.function.Consumer;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;

/**
 * Builds each record (every child of the root element) as a tree of {@link Node}s from the SAX
 * stream and hands it to the checks, then forgets it. Only one record is in memory at a time.
 * Only the file's own records go to the checks: anything else at that level (a second root nested
 * in the first, say) is the schema's to report, and an activity rule must not judge it.
 */
final class RecordReader {
  private final List<Check> checks;
  private final String recordElement;
  private final Reporter reporter;
  private final Consumer<RecordSpan> spans;
  private final NodeBuilder records = new NodeBuilder();
  private boolean inRoot;
  private Locator locator;

  RecordReader(List<Check> checks, String recordElement, Reporter reporter, Consumer<RecordSpan> spans) {
    this.checks = checks;
    this.recordElement = recordElement;
    this.spans = spans;
    this.reporter = reporter;
  }

  void setLocator(Locator locator) {
    this.locator = locator;
  }

  void startElement(String uri, String qName, Attributes atts) {
    long line = locator == null ? 0 : locator.getLineNumber();
    long column = locator == null ? 0 : locator.getColumnNumber();
    if (!inRoot) {
      // The root is given to the checks at once, without children: a file may hold any number of records.
      inRoot = true;
      NodeBuilder root = new NodeBuilder();
      root.start(uri, qName, atts, line, column);
      Node rootNode = root.end();
      checks.forEach(check -> check.root(rootNode, reporter));
      return;
    }
    records.start(uri, qName, atts, line, column);
  }

  void characters(char[] ch, int start, int length) {
    // Text matters only inside records; the root's own whitespace is never kept.
    if (records.depth() > 0) {
      records.text(ch, start, length);
    }
  }

  void endElement() {
    if (records.depth() == 0) {
      checks.forEach(check -> check.end(reporter));
      return;
    }
    Node node = records.end();
    if (records.depth() == 0 && node.isIati() && node.name().equals(recordElement)) {
      checks.forEach(check -> check.record(node, reporter));
      spans.accept(RecordSpan.of(node, locator == null ? 0 : locator.getLineNumber()));
    }
  }

  /** Lets the checks go of what they kept, should the file have stopped before its end. */
  void close() {
    checks.forEach(Check::close);
  }
}
