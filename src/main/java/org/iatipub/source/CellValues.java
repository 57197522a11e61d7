package org.iatipub.source;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The text a typed spreadsheet cell gives, as the user typed or sees it, in the plain forms IATI
 * takes: numbers without exponents or binary artefacts, dates as ISO dates.
 */
final class CellValues {
  /**
   * The significant digits a spreadsheet keeps of a number: Excel shows and computes with 15 but
   * writes 17 into the file so that the binary double reads back exactly, and the two extra digits
   * are the binary artefacts of a decimal (1.1 is written 1.1000000000000001, 0.1 + 0.2 is
   * 0.30000000000000004). Rounding to 15 gives back what was typed.
   */
  static final MathContext SPREADSHEET_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
  /** A number further from 1 than any double can be is no number a spreadsheet wrote. */
  private static final int MAX_EXPONENT = 330;
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  /** Characters OOXML cannot hold in XML text (a carriage return, say) are written as _xHHHH_. */
  private static final Pattern OOXML_ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");
  /** Day 0 of Excel's two date systems, as whole serial numbers count from them (1900's from its day 61 on). */
  private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
  private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
  /** 9999-12-31, the last day a spreadsheet shows, in each date system. */
  private static final int LAST_DAY_1900 = 2_958_465;
  private static final int LAST_DAY_1904 = 2_957_003;
  private static final Pattern MIDNIGHT = Pattern.compile("T00:00(:00(\\.0+)?)?(Z|[+-]00:00)?$");

  /** How a number cell is shown, from its number format. */
  enum Shown {
    NUMBER, PERCENT, DATE, DATE_TIME, TIME
  }

  private CellValues() {}

  /**
   * A number as stored in a workbook ({@code 1E+05}, {@code 0.30000000000000004}) in plain form,
   * rounded to the 15 significant digits a spreadsheet keeps ({@code 100000}, {@code 0.3}); a
   * percentage as its percent figure (0.25 shown as 25% gives {@code 25}, as IATI percentages are
   * written). Null when the text is not a number.
   */
  static String number(String stored, boolean percent) {
    if (!percent && isPlain(stored)) {
      return stored; // most cells: already as typed, no need to go through BigDecimal
    }
    BigDecimal value;
    try {
      value = new BigDecimal(stored.strip());
    } catch (NumberFormatException e) {
      return null;
    }
    if (value.signum() == 0) {
      return "0";
    }
    if (Math.abs((long) value.precision() - value.scale()) > MAX_EXPONENT) {
      return null;
    }
    value = value.round(SPREADSHEET_DIGITS);
    if (percent) {
      value = value.movePointRight(2);
    }
    return value.stripTrailingZeros().toPlainString();
  }

  /**
   * True for a number already in the plain form {@link #number} gives: an optional minus, an
   * integer part without leading zeros, an optional fraction not ending in 0, at most 15 digits.
   */
  private static boolean isPlain(String stored) {
    int length = stored.length();
    int i = length > 0 && stored.charAt(0) == '-' ? 1 : 0;
    int start = i;
    int digits = 0;
    boolean point = false;
    for (; i < length; i++) {
      char c = stored.charAt(i);
      if (c == '.' && !point && i > start) {
        point = true;
      } else if (c >= '0' && c <= '9') {
        digits++;
      } else {
        return false;
      }
    }
    char last = length > 0 ? stored.charAt(length - 1) : '.';
    boolean leadingZero = stored.length() > start + 1 && stored.charAt(start) == '0' && stored.charAt(start + 1) != '.';
    boolean negativeZero = start == 1 && stored.equals("-0");
    return digits > 0 && digits <= 15 && last != '.' && !(point && last == '0') && !leadingZero && !negativeZero;
  }

  /**
   * A date serial number (days since the workbook's epoch, the fraction the time of day) as an ISO
   * date, date-time or time, as its format shows it; null when it is no date a spreadsheet can show.
   */
  static String date(String stored, boolean date1904, Shown shown) {
    if (shown == Shown.DATE) {
      LocalDate day = wholeDay(stored, date1904);
      if (day != null) {
        return day.toString(); // most date cells: a whole day, counted without POI's BigDecimal arithmetic
      }
    }
    double serial;
    try {
      serial = Double.parseDouble(stored.strip());
    } catch (NumberFormatException e) {
      return null;
    }
    if (!DateUtil.isValidExcelDate(serial)) {
      return null;
    }
    LocalDateTime at = DateUtil.getLocalDateTime(serial, date1904, true);
    if (at == null) {
      return null;
    }
    return switch (shown) {
      case TIME -> serial < 1 ? at.format(TIME) : at.format(DATE_TIME);
      case DATE_TIME -> at.format(DATE_TIME);
      default -> at.toLocalDate().toString();
    };
  }

  /**
   * The day a whole serial number stands for, or null when it is not a plain whole number in the
   * range counted here (the first two months of 1900, which Excel counts with Lotus' leap day
   * 1900-02-29, are left to POI).
   */
  private static LocalDate wholeDay(String stored, boolean date1904) {
    int length = stored.length();
    if (length == 0 || length > 7) {
      return null;
    }
    int days = 0;
    for (int i = 0; i < length; i++) {
      char c = stored.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      days = days * 10 + (c - '0');
    }
    if (date1904) {
      return days <= LAST_DAY_1904 ? EPOCH_1904.plusDays(days) : null;
    }
    return days >= 61 && days <= LAST_DAY_1900 ? EPOCH_1900.plusDays(days) : null;
  }

  /** A date written as text (OpenDocument's date-value, OOXML's t="d" cells): a date alone when it is at midnight. */
  static String isoDate(String stored) {
    String text = stored.strip();
    Matcher midnight = MIDNIGHT.matcher(text);
    return midnight.find() ? text.substring(0, midnight.start()) : text;
  }

  /** OpenDocument's time-value, an ISO duration ({@code PT14H30M00S}), as {@code 14:30:00}; null when it is none. */
  static String isoTime(String stored) {
    try {
      Duration duration = Duration.parse(stored.strip());
      long seconds = duration.getSeconds() + (duration.getNano() >= 500_000_000 ? 1 : 0);
      return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** OOXML's escapes of characters XML text cannot hold ({@code _x000D_}) decoded; {@code _x005F_} is the underscore. */
  static String unescape(String text) {
    if (text.indexOf("_x") < 0) {
      return text;
    }
    Matcher escape = OOXML_ESCAPE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (escape.find()) {
      escape.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
    }
    escape.appendTail(out);
    return out.toString();
  }

  /**
   * How a number with this format is shown. {@code formatIndex} is the workbook's number for the
   * format (below 164 Excel's built-in ones), {@code format} its code ({@code yyyy-mm-dd},
   * {@code 0.00%}), null for a built-in format the workbook does not spell out.
   */
  static Shown shown(int formatIndex, String format) {
    if (isLocalDateFormat(formatIndex)) {
      return Shown.DATE;
    }
    if (format == null) {
      format = org.apache.poi.ss.usermodel.BuiltinFormats.getBuiltinFormat(formatIndex);
    }
    if (format == null) {
      return Shown.NUMBER;
    }
    if (DateUtil.isADateFormat(formatIndex, format)) {
      String letters = lettersOf(format).toLowerCase(java.util.Locale.ROOT);
      boolean date = letters.indexOf('y') >= 0 || letters.indexOf('d') >= 0;
      // [h]:mm, [mm]:ss: elapsed time, whose hours go past 24.
      boolean elapsed = format.toLowerCase(java.util.Locale.ROOT).matches(".*\\[(h+|m+|s+)].*");
      boolean time = elapsed || letters.indexOf('h') >= 0 || letters.indexOf('s') >= 0;
      return date && time ? Shown.DATE_TIME : time ? Shown.TIME : Shown.DATE;
    }
    return lettersOf(format).indexOf('%') >= 0 ? Shown.PERCENT : Shown.NUMBER;
  }

  /**
   * The built-in formats 27 to 36 and 50 to 58 are the East Asian date formats (ECMA-376, 18.8.30):
   * the workbook names them by number only, and POI's table of built-in formats leaves them out.
   */
  private static boolean isLocalDateFormat(int formatIndex) {
    return formatIndex >= 27 && formatIndex <= 36 || formatIndex >= 50 && formatIndex <= 58;
  }

  /** A format's code without its quoted text, escaped characters and [bracketed] parts (colours, locales). */
  private static String lettersOf(String format) {
    StringBuilder letters = new StringBuilder();
    boolean quoted = false;
    boolean bracketed = false;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (quoted) {
        quoted = c != '"';
      } else if (bracketed) {
        bracketed = c != ']';
      } else if (c == '"') {
        quoted = true;
      } else if (c == '[') {
        bracketed = true;
      } else if (c == '\\' || c == '_' || c == '*') {
        i++; // the next character is shown as it is (or is padding)
      } else {
        letters.append(c);
      }
    }
    return letters.toString();
  }
}
