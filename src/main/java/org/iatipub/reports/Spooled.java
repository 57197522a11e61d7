package org.iatipub.reports;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.finding.Severity;
import org.iatipub.scratch.RecordFormat;
import org.iatipub.validation.FileLevelRule;

/**
 * A finding of one file as a report keeps it on disk until the file is done: where it is (line,
 * column, XPath; 0 and empty for the file as a whole), its severity, rule and message.
 */
record Spooled(Severity severity, String rule, long line, long column, String xpath, String message) {
  /** By position; findings at the same place keep the order they were found in. */
  static final Comparator<Spooled> BY_POSITION = Comparator.comparingLong(Spooled::line).thenComparingLong(Spooled::column);

  static final RecordFormat<Spooled> FORMAT = new RecordFormat<>() {
    @Override
    public void write(DataOutput out, Spooled f) throws IOException {
      out.writeByte(f.severity().ordinal());
      RecordFormat.writeText(out, f.rule());
      out.writeLong(f.line());
      out.writeLong(f.column());
      RecordFormat.writeText(out, f.xpath());
      RecordFormat.writeText(out, f.message());
    }

    @Override
    public Spooled read(DataInput in) throws IOException {
      Severity severity = Severity.values()[in.readByte()];
      return new Spooled(severity, RecordFormat.readText(in), in.readLong(), in.readLong(), RecordFormat.readText(in),
          RecordFormat.readText(in));
    }
  };

  static Spooled of(Finding finding) {
    if (finding.location() instanceof Location.XmlPosition at) {
      return new Spooled(finding.severity(), finding.rule(), at.line(), at.column(), at.xpath(), finding.message());
    }
    return new Spooled(finding.severity(), finding.rule(), 0, 0, "", finding.message());
  }

  /** A rough size in bytes, for a sort's memory budget. */
  long weight() {
    return 64 + 2L * (rule.length() + xpath.length() + message.length());
  }

  /** The official validator's word for how much it matters: critical (file-level), error, warning or advisory. */
  String officialSeverity() {
    return OfficialSeverity.of(severity, rule);
  }

  boolean critical() {
    return FileLevelRule.of(rule).isPresent();
  }
}
