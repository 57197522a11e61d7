package org.iatipub.exports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts in US dollars, held as whole cents so every total is exact. The one rounding step is the
 * conversion of a transaction's value: to the cent, half away from zero.
 */
final class Usd {
  private Usd() {}

  /** A value already in dollars, in cents. */
  static long cents(BigDecimal dollars) {
    return dollars.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
  }

  /** A value in another currency, given as so many units of it per dollar, in cents. */
  static long cents(BigDecimal value, BigDecimal unitsPerDollar) {
    return value.divide(unitsPerDollar, 2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
  }

  /** Cents as a plain decimal with two places: {@code 123456} is {@code 1234.56}. */
  static String plain(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  /** Cents for people: {@code 1,234.56}. */
  static String shown(long cents) {
    return String.format(java.util.Locale.ROOT, "%,.2f", BigDecimal.valueOf(cents, 2));
  }
}
