package org.iatipub.exports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The weights of shares as IATI gives them: each element's percentage; where some percentages are
 * missing, what the others leave of 100 is shared equally among them (IATI's rules ask for every
 * percentage when there are several, so this only happens in files that break them).
 */
final class Weights {
  private Weights() {}

  static List<BigDecimal> of(List<PublishedActivity.Coded> coded) {
    BigDecimal given = BigDecimal.ZERO;
    int missing = 0;
    for (PublishedActivity.Coded c : coded) {
      if (c.percentage() == null) {
        missing++;
      } else {
        given = given.add(c.percentage());
      }
    }
    BigDecimal rest = missing == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(100).subtract(given).max(BigDecimal.ZERO).divide(BigDecimal.valueOf(missing), 10, java.math.RoundingMode.HALF_UP);
    List<BigDecimal> weights = new ArrayList<>();
    for (PublishedActivity.Coded c : coded) {
      weights.add(c.percentage() == null ? rest : c.percentage());
    }
    return weights;
  }
}
