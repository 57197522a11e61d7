package org.iatipub.mapping;

import java.util.List;
import org.iatipub.source.ActivityRows;

/**
 * The mapping rules of one input form: the rows of one activity in, one activity out. Stateless
 * between calls, so activities may be mapped in any order or on several threads.
 */
public interface ActivityMapping {
  ActivityDraft map(ActivityRows rows);

  /**
   * What mapping {@code rows} takes from the set beyond the rows themselves and the mapping's own
   * configuration (facts about other activities, such as which name this one as their programme),
   * as texts: an activity whose rows and context are unchanged maps to the same activity. Empty by
   * default: the activity depends on its rows alone.
   */
  default List<String> context(ActivityRows rows) {
    return List.of();
  }
}
