package org.iatipub.mapping;

import org.iatipub.source.ActivityRows;

/**
 * The mapping rules of one input form: the rows of one activity in, one activity out. Stateless
 * between calls, so activities may be mapped in any order or on several threads.
 */
public interface ActivityMapping {
  ActivityDraft map(ActivityRows rows);
}
