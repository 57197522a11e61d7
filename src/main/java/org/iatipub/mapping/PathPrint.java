package org.iatipub.mapping;

/**
 * A fingerprint of the set of paths of a tree (every element, attribute and text, as {@link
 * XmlElement#paths()} names them): how many, and the sum of a 64-bit hash of each. Two trees with
 * the same paths have the same print whatever the order of their parts, so comparing the prints of
 * an activity as mapped and as written tells, without building a string per node, that nothing was
 * lost on the way; only when they differ is it worth working out what.
 *
 * @param count how many paths
 * @param sum the sum of their hashes (overflowing)
 */
public record PathPrint(int count, long sum) {

  /** The hash of an element's path: its parent's, its name and its position among same-named siblings. */
  public static long element(long parent, String pathName, int index) {
    return mix(parent * 0x9e3779b97f4a7c15L + pathName.hashCode() * 31L + index);
  }

  /** The hash of an attribute's path. */
  public static long attribute(long element, String pathName) {
    return mix(element + 0x632be59bd9b4e019L + pathName.hashCode());
  }

  /** The hash of the path of an element's text. */
  public static long text(long element) {
    return mix(element ^ 0x2545f4914f6cdd1dL);
  }

  /** The hash of the root element's path. */
  public static long root(String pathName) {
    return mix(pathName.hashCode());
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** Adds up a print, path by path. */
  public static final class Sum {
    private int count;
    private long sum;

    public void add(long pathHash) {
      count++;
      sum += pathHash;
    }

    public PathPrint print() {
      return new PathPrint(count, sum);
    }
  }
}
