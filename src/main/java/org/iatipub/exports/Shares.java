package org.iatipub.exports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares an amount in cents out by weights (percentages) so that the shares add up to the amount
 * exactly: each share is rounded down to the cent, and the cents left over go one each to the
 * shares with the largest remainders (the earlier share first when two are equal). With no weight
 * at all, or weights adding up to zero, the shares are equal.
 */
final class Shares {
  private Shares() {}

  static long[] split(long cents, List<BigDecimal> weights) {
    int n = weights.size();
    if (n == 0) {
      throw new IllegalArgumentException("an amount cannot be shared among nothing");
    }
    List<BigDecimal> used = new ArrayList<>(weights);
    BigDecimal total = used.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.signum() <= 0 || used.stream().anyMatch(w -> w.signum() < 0)) {
      used.replaceAll(w -> BigDecimal.ONE);
      total = BigDecimal.valueOf(n);
    }
    BigDecimal amount = BigDecimal.valueOf(Math.abs(cents));
    long[] shares = new long[n];
    BigDecimal[] remainders = new BigDecimal[n];
    long given = 0;
    for (int i = 0; i < n; i++) {
      BigDecimal exact = amount.multiply(used.get(i));
      BigDecimal floor = exact.divide(total, 0, RoundingMode.FLOOR);
      shares[i] = floor.longValueExact();
      remainders[i] = exact.subtract(floor.multiply(total));
      given += shares[i];
    }
    long left = Math.abs(cents) - given;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
    for (int k = 0; k < left; k++) {
      shares[order.get(k)]++;
    }
    if (cents < 0) {
      for (int i = 0; i < n; i++) {
        shares[i] = -shares[i];
      }
    }
    return shares;
  }

  /** Equal shares of {@code cents} among {@code n}. */
  static long[] equal(long cents, int n) {
    List<BigDecimal> weights = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      weights.add(BigDecimal.ONE);
    }
    return split(cents, weights);
  }
}
