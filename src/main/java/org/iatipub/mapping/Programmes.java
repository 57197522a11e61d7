package org.iatipub.mapping;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iatipub.scratch.DiskIndex;
import org.iatipub.source.SourceRow;

/**
 * The programme hierarchy of a set in the own form: for each project, the projects that name it as
 * their parent, in file order. It is learnt from the projects file while the set is read, before
 * any project is mapped, and held on disk so that memory does not grow with the number of projects.
 *
 * <p>Each project's sub-activities are a chain through the index: a parent's entry names its first
 * and last sub-activity, and each sub-activity's entry names the next one. Adding one is then a few
 * fixed-size writes, however many a programme has (a project id is learnt once: the file's ids are
 * unique, so a project is in at most one chain). Learning is done from one thread; once it is done,
 * and handed over safely (e.g. through an executor), any number of threads may look up.
 */
public final class Programmes implements Closeable {
  private final MappingFile mapping;
  private final DiskIndex links;

  /**
   * What the index holds for a project id; an empty id means none.
   *
   * @param first the first project naming it as parent
   * @param last the last project naming it as parent, where the next one is chained on
   * @param next the next project naming the same parent as it does
   */
  private record Links(String first, String last, String next) {
    static final Links NONE = new Links("", "", "");

    byte[] encoded() {
      byte[][] ids = {bytes(first), bytes(last), bytes(next)};
      ByteBuffer buffer = ByteBuffer.allocate(3 * Integer.BYTES + ids[0].length + ids[1].length + ids[2].length);
      for (byte[] id : ids) {
        buffer.putInt(id.length).put(id);
      }
      return buffer.array();
    }

    static Links decode(byte[] value) {
      if (value == null) {
        return NONE;
      }
      ByteBuffer buffer = ByteBuffer.wrap(value);
      return new Links(string(buffer), string(buffer), string(buffer));
    }

    private static byte[] bytes(String id) {
      return id.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(ByteBuffer buffer) {
      byte[] id = new byte[buffer.getInt()];
      buffer.get(id);
      return new String(id, StandardCharsets.UTF_8);
    }
  }

  private Programmes(MappingFile mapping, DiskIndex links) {
    this.mapping = mapping;
    this.links = links;
  }

  /** An empty hierarchy for the projects of a set mapped by {@code mapping}, to be learnt; close it to remove its files. */
  public static Programmes create(MappingFile mapping) throws IOException {
    return new Programmes(mapping, DiskIndex.create("programmes"));
  }

  /** Learns the parent that {@code project}, the project with id {@code id}, names, if it names one. */
  public void learn(String id, SourceRow project) {
    String parent = OwnColumnsMapping.parentOf(mapping, project);
    if (parent.isEmpty()) {
      return;
    }
    Links links = linksOf(parent);
    if (links.first().isEmpty()) {
      put(parent, new Links(id, id, links.next()));
      return;
    }
    Links last = linksOf(links.last());
    put(links.last(), new Links(last.first(), last.last(), id));
    // Read again: a project that is its own parent may be the last it chained on.
    Links again = linksOf(parent);
    put(parent, new Links(again.first(), id, again.next()));
  }

  /** The projects naming {@code id} as their parent, in file order; empty when none does. */
  public List<String> subActivities(String id) {
    List<String> subActivities = new ArrayList<>();
    for (String next = linksOf(id).first(); !next.isEmpty(); next = linksOf(next).next()) {
      subActivities.add(next);
    }
    return subActivities;
  }

  private Links linksOf(String id) {
    return Links.decode(links.get(id));
  }

  private void put(String id, Links value) {
    links.put(id, value.encoded());
  }

  /** Removes the hierarchy's files. */
  @Override
  public void close() {
    links.close();
  }
}
