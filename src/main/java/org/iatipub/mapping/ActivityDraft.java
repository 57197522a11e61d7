package org.iatipub.mapping;

import java.util.List;
import org.iatipub.finding.Finding;
import org.iatipub.source.ActivityRows;

/**
 * One activity as the mapping rules made it from its rows, with what they found wrong. An error
 * among the findings withholds the activity.
 *
 * @param identifier its IATI identifier (possibly empty when the rows did not give one)
 * @param rows the rows it was made from: published or withheld with it
 * @param activity the {@code iati-activity} element, children in any order
 * @param findings problems in its rows, each naming file, row and column
 */
public record ActivityDraft(String identifier, ActivityRows rows, XmlElement activity, List<Finding> findings) {
  public ActivityDraft {
    findings = List.copyOf(findings);
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }
}
