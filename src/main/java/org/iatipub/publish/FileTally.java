package org.iatipub.publish;

/**
 * What became of the rows of one input file: every row read is published, withheld (with its
 * activity) or rejected (reported on its own), so {@code read == published + withheld + rejected}.
 */
public record FileTally(String file, long read, long published, long withheld, long rejected) {
  FileTally plus(long published, long withheld, long rejected) {
    return new FileTally(file, read, this.published + published, this.withheld + withheld, this.rejected + rejected);
  }

  public boolean balanced() {
    return read == published + withheld + rejected;
  }
}
