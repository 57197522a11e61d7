package org.iatipub.validation.rules;

import java.math.BigDecimal;
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
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(Z|[+-]\\d{2}:\\d{2})?");
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

  /** An xs:date; its time zone, if any, does not move the day. */
  static Optional<LocalDate> date(String value) {
    if (value == null || !DATE.matcher(value.strip()).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.strip().substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Optional<LocalDate> date(Optional<String> value) {
    return value.flatMap(Values::date);
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

  /** True when the attribute is absent or only whitespace. */
  static boolean blank(Optional<String> value) {
    return value.map(String::isBlank).orElse(true);
  }
}
