package org.iatipub.validation;

/**
 * Where one record (an {@code iati-activity} or {@code iati-organisation}) lies in its file, and
 * what names it, so that a report can tell which record a finding at a line belongs to.
 *
 * @param firstLine the line of its start tag (where the parser ends reading it)
 * @param lastLine the line of its end tag
 * @param identifier its {@code iati-identifier} (or {@code organisation-identifier}), trimmed; empty when it has none
 * @param title the text of its title's (or name's) first narrative, trimmed and cut to a line's length; empty when none
 */
public record RecordSpan(long firstLine, long lastLine, String identifier, String title) {
  /** Longer titles are cut: a report names a record, it does not reprint it. */
  static final int TITLE_LENGTH = 200;

  public RecordSpan {
    identifier = identifier == null ? "" : identifier;
    title = title == null ? "" : title;
  }

  /** Whether a finding at {@code line} is inside this record. */
  public boolean holds(long line) {
    return line >= firstLine && line <= lastLine;
  }

  /** The span of a record just read, from its tree. */
  static RecordSpan of(Node record, long lastLine) {
    boolean organisation = record.name().equals(DocumentKind.ORGANISATIONS.recordElement());
    String identifier = record.child(organisation ? "organisation-identifier" : "iati-identifier").map(Node::text).orElse("");
    String title = record.child(organisation ? "name" : "title")
        .flatMap(t -> t.child("narrative"))
        .map(Node::text)
        .map(text -> text.replaceAll("\\s+", " "))
        .map(text -> text.length() > TITLE_LENGTH ? text.substring(0, TITLE_LENGTH - 1) + "…" : text)
        .orElse("");
    return new RecordSpan(record.line(), lastLine, identifier, title);
  }
}
