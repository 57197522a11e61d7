package org.iatipub.publish.dataset;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.iatipub.scratch.RecordFormat;
import org.iatipub.scratch.ScratchDir;

/**
 * The changes of a commit as they are found, each list written to its own file in a scratch
 * directory, in the order they come; only the counts are kept in memory. {@link #report} hands the
 * files to the {@link ChangeReport}, which reads them back and deletes them; closing the list
 * before that deletes them.
 */
final class ChangeList implements Closeable {
  private static final ChangeReport.Kind[] KINDS = ChangeReport.Kind.values();

  private final ScratchDir dir;
  private final DataOutputStream[] lists = new DataOutputStream[KINDS.length];
  private final int[] counts = new int[KINDS.length];
  private int unchanged;
  private boolean handedOver;

  private ChangeList(ScratchDir dir) {
    this.dir = dir;
  }

  static ChangeList start() throws IOException {
    ChangeList list = new ChangeList(ScratchDir.create("changes"));
    try {
      for (ChangeReport.Kind kind : KINDS) {
        list.lists[kind.ordinal()] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(list.file(kind),
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 13));
      }
      return list;
    } catch (IOException | RuntimeException e) {
      list.close();
      throw e;
    }
  }

  void add(ChangeReport.Kind kind, String set, String identifier, String file) throws IOException {
    DataOutputStream out = lists[kind.ordinal()];
    RecordFormat.writeText(out, set);
    RecordFormat.writeText(out, identifier);
    RecordFormat.writeText(out, file);
    counts[kind.ordinal()]++;
  }

  void unchanged() {
    unchanged++;
  }

  static ChangeReport.Change read(DataInput in) throws IOException {
    return new ChangeReport.Change(RecordFormat.readText(in), RecordFormat.readText(in), RecordFormat.readText(in));
  }

  /** Ends the lists; the report owns their files from now on. */
  ChangeReport report() throws IOException {
    for (DataOutputStream list : lists) {
      list.close();
    }
    FileChannel[] channels = new FileChannel[KINDS.length];
    try {
      for (ChangeReport.Kind kind : KINDS) {
        channels[kind.ordinal()] = FileChannel.open(file(kind), StandardOpenOption.READ);
      }
    } catch (IOException e) {
      for (FileChannel channel : channels) {
        if (channel != null) {
          channel.close();
        }
      }
      throw e;
    }
    handedOver = true;
    return new ChangeReport(dir, channels, counts, unchanged);
  }

  /** Deletes the lists, unless a report took them. */
  @Override
  public void close() {
    if (handedOver) {
      return;
    }
    for (DataOutputStream list : lists) {
      try {
        if (list != null) {
          list.close();
        }
      } catch (IOException e) {
        // Only closing: the files are deleted below either way.
      }
    }
    dir.close();
  }

  private java.nio.file.Path file(ChangeReport.Kind kind) {
    return dir.file(kind.name().toLowerCase(Locale.ROOT));
  }
}
