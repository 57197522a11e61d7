package org.iatipub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iatipub.SharedIati;
import org.junit.jupiter.api.Test;

/**
 * The mapping reference (docs/mapping.md) lists what the code has: every named field of every
 * file, in the catalogue's order with where it goes in IATI, and every rule id of the mapping
 * stage. A field or rule added, renamed or dropped in one place and not the other fails here.
 */
class MappingReferenceTest {
  private static final Pattern FILE = Pattern.compile("^### `([a-z-]+)`$");
  private static final Pattern FIELD = Pattern.compile("^\\| `([a-z-]+)` \\| [a-z*]+ \\| `([^`]+)` \\|");
  private static final Pattern RULE = Pattern.compile("^\\| `(mapping/[a-z-]+)` \\| ([a-z]+)");

  private static List<String> reference() throws Exception {
    return Files.readAllLines(SharedIati.projectDir().resolve("docs/mapping.md"));
  }

  @Test
  void everyNamedFieldIsListedWithWhereItGoes() throws Exception {
    Map<String, List<String>> documented = new LinkedHashMap<>();
    String file = null;
    for (String line : reference()) {
      Matcher heading = FILE.matcher(line);
      Matcher field = FIELD.matcher(line);
      if (heading.matches()) {
        file = heading.group(1);
        documented.put(file, new ArrayList<>());
      } else if (file != null && field.find()) {
        documented.get(file).add(field.group(1) + " -> " + field.group(2));
      }
    }
    Map<String, List<String>> catalogue = new LinkedHashMap<>();
    for (OwnTable table : OwnTable.values()) {
      catalogue.put(table.key(), table.fields().stream().map(f -> f.key() + " -> " + f.target()).toList());
    }

    assertEquals(catalogue, documented);
  }

  @Test
  void everyRuleOfTheMappingIsListedWithItsSeverity() throws Exception {
    List<String> documented = new ArrayList<>();
    for (String line : reference()) {
      Matcher rule = RULE.matcher(line);
      if (rule.find()) {
        documented.add(rule.group(1) + " " + rule.group(2));
      }
    }

    assertEquals(Arrays.stream(MappingRule.values()).map(r -> r.id() + " " + r.severity().label()).toList(), documented);
  }
}
