package org.iatipub.publish.dataset;

/**
 * How files are cut.
 *
 * @param split one file per set, or per recipient country or region
 * @param maxFileSize a file that would grow past this many bytes continues in {@code <name>-2.xml}
 *     and so on (IATI tools struggle with very large files and the datastore refuses files over 60 MB)
 */
public record Layout(SplitRule split, long maxFileSize) {
  /** 30 MB: well under the sizes IATI tools choke on. */
  public static final long DEFAULT_MAX_FILE_SIZE = 30L * 1024 * 1024;

  public static Layout standard() {
    return new Layout(SplitRule.NONE, DEFAULT_MAX_FILE_SIZE);
  }

  public Layout {
    if (maxFileSize < 1024) {
      throw new IllegalArgumentException("a maximum file size under 1 KB leaves no room for an activity");
    }
  }
}
