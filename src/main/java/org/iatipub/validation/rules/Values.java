package org.iatipub.validation.rules;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads attribute values the way the IATI rules do: a value that is not a valid xs:decimal,
 * xs:date or xs:dateTime is simply skipped by the rule (the schema reports it).
 */
final class Values {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?");

  private Values() {}

  /** An xs:decimal (surrounding whitespace allowed, as XML Schema collapses it). */
  static Optional<BigDecimal> decimal(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String s = value.strip();
    return DECIMAL.matcher(s).matches() ? Optional.of(new BigDecimal(s.startsWith("+") ? s.substring(1) : s)) : Optional.empty();
  }

  static Optional<BigDecimal> decimal(Optional<String> value) {
    return value.flatMap(Values::decimal);
  }

  /**
   * An xs:date, or null when the value is none; its time zone, if any, does not move the day.
   * {@code yyyy-mm-dd} with an optional {@code Z} or {@code ±hh:mm}, read by hand rather than by a
   * pattern and a formatter, which cost more than all the date rules together.
   */
  static LocalDate dateOrNull(String value) {
    if (value == null) {
      return null;
    }
    String s = value.strip();
    int length = s.length();
    if (length != 10 && length != 11 && length != 16) {
      return null;
    }
    if (!digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-' || !digits(s, 8, 10)) {
      return null;
    }
    if (length == 11 && s.charAt(10) != 'Z') {
      return null;
    }
    if (length == 16 && !((s.charAt(10) == '+' || s.charAt(10) == '-') && digits(s, 11, 13) && s.charAt(13) == ':' && digits(s, 14, 16))) {
      return null;
    }
    try {
      return LocalDate.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Whether the characters from {@code from} to {@code to} are ASCII digits, all that a pattern's {@code \d} matches. */
  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }

  /** An xs:dateTime; one without a time zone is read as UTC. */
  static Optional<OffsetDateTime> dateTime(String value) {
    if (value == null || !DATE_TIME.matcher(value.strip()).matches()) {
      return Optional.empty();
    }
    String s = value.strip();
    boolean zoned = s.endsWith("Z") || s.matches(".*[+-]\\d{2}:\\d{2}$");
    try {
      return Optional.of(zoned ? OffsetDateTime.parse(s) : OffsetDateTime.parse(s + "Z").withOffsetSameLocal(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** True when the attribute is absent (null) or only whitespace. */
  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
