package org.iatipub.exports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shares of an amount add up to it exactly: rounded down to the cent, the cents left to the largest remainders. */
class SharesTest {
  private static List<BigDecimal> weights(String... values) {
    return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
  }

  @Test
  void theCentsLeftGoToTheLargestRemainders() {
    assertArrayEquals(new long[] {34, 33, 33}, Shares.split(100, weights("33.34", "33.33", "33.33")));
    assertArrayEquals(new long[] {1, 1, 0}, Shares.split(2, weights("40", "35", "25")));
  }

  @Test
  void equalRemaindersGiveTheCentToTheEarlierShare() {
    assertArrayEquals(new long[] {34, 33, 33}, Shares.equal(100, 3));
    assertArrayEquals(new long[] {3, 2}, Shares.split(5, weights("50", "50")));
  }

  @Test
  void aNegativeAmountIsSharedAsItsOppositeIs() {
    assertArrayEquals(new long[] {-3, -2}, Shares.split(-5, weights("50", "50")));
  }

  @Test
  void noWeightAtAllSharesEqually() {
    assertArrayEquals(new long[] {5, 5}, Shares.split(10, weights("0", "0")));
  }
}
