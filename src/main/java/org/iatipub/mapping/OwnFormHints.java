package org.iatipub.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says a finding's remedy in the words of the own-column form. The checks speak XML ("add a
 * &lt;narrative&gt;"); a data team working from exports needs the mapping field or path to add
 * ("in mapping.yaml, map files.sectors.paths.narrative"). What a rule asks for is an IATI path
 * relative to the element the finding is at; this finds the named field that writes it, or else
 * the file whose rows make that element and the path under it.
 */
public final class OwnFormHints {
  /**
   * What each rule asks to add, as paths relative to the element its finding is at ({@code /…}:
   * from the activity). The ids are the official ones the checks report.
   */
  private static final Map<String, List<String>> WANTED = Map.ofEntries(
      Map.entry("2.2.1", List.of("narrative")),
      Map.entry("6.13.1", List.of("narrative")),
      Map.entry("4.3.1", List.of("narrative")),
      Map.entry("4.4.1", List.of("narrative")),
      Map.entry("6.11.1", List.of("/activity-date[@type='1']/@iso-date", "/activity-date[@type='2']/@iso-date")),
      Map.entry("6.2.2", List.of("/sector/@code")),
      Map.entry("6.2.1", List.of("/activity-status/@code")),
      Map.entry("7.8.1", List.of("@currency", "/@default-currency")),
      Map.entry("6.1.5", List.of("@format")),
      Map.entry("6.8.1", List.of("@ref", "narrative")),
      Map.entry("6.9.1", List.of("@ref", "narrative")),
      Map.entry("6.9.2", List.of("@ref", "narrative")),
      Map.entry("6.10.1", List.of("@ref", "narrative")),
      Map.entry("6.14.1", List.of("@significance")));
  private static final Pattern MISSING_ATTRIBUTE = Pattern.compile("Attribute '([^']+)' must appear on element");
  private static final Pattern MISSING_CHILD = Pattern.compile("is not complete\\. One of '\\{([^}]+)}' is expected");
  private static final Pattern POSITION = Pattern.compile("\\[[0-9]+]");

  private final MappingFile mapping;
  private final String mappingName;

  /** @param mappingName the mapping file as messages name it, e.g. {@code mapping.yaml} */
  public OwnFormHints(MappingFile mapping, String mappingName) {
    this.mapping = mapping;
    this.mappingName = mappingName;
  }

  /**
   * The message with its remedy said in the mapping file's terms, or as it is when there is no
   * remedy to say.
   *
   * @param element the XML path of the element the finding is at ({@code iati-activity/sector[2]})
   */
  public String message(String rule, String element, String message) {
    List<String> wanted = wanted(rule, message);
    if (wanted.isEmpty() || element == null) {
      return message;
    }
    String at = POSITION.matcher(element).replaceAll("").replaceFirst("^iati-activity/?", "");
    Set<String> hints = new LinkedHashSet<>();
    for (String path : wanted) {
      hints.addAll(hints(path.startsWith("/") ? path.substring(1) : at.isEmpty() ? path : at + "/" + path));
    }
    if (hints.isEmpty()) {
      return message;
    }
    int advice = message.indexOf("; add ");
    return (advice < 0 ? message : message.substring(0, advice)) + "; in " + mappingName + ", map " + String.join(" or ", hints);
  }

  private static List<String> wanted(String rule, String message) {
    if (WANTED.containsKey(rule)) {
      return WANTED.get(rule);
    }
    List<String> wanted = new ArrayList<>();
    Matcher attribute = MISSING_ATTRIBUTE.matcher(message);
    if (attribute.find()) {
      wanted.add("@" + attribute.group(1));
    }
    Matcher child = MISSING_CHILD.matcher(message);
    if (child.find()) {
      for (String name : child.group(1).split(",\\s*")) {
        wanted.add(name.replaceAll("^\"[^\"]*\":", ""));
      }
    }
    return wanted;
  }

  /** Where in the mapping file a value at {@code full} (a path from the activity) comes from. */
  private List<String> hints(String full) {
    List<String> hints = new ArrayList<>();
    String plain = full.replaceAll("\\[[^]]*]", "");
    for (OwnField field : OwnField.values()) {
      String target = field.target();
      if (field.kind() != OwnField.Kind.LINK && field.kind() != OwnField.Kind.GROUP
          && (target.equals(full) || !full.contains("[") && target.replaceAll("\\[[^]]*]", "").equals(plain))) {
        hints.add("files." + field.table().key() + ".columns." + field.key());
      }
    }
    if (plain.equals("@default-currency")) {
      hints.add("defaults.currency");
    }
    if (!hints.isEmpty()) {
      return hints;
    }
    // No named field writes it: a path under the file whose rows make the nearest element above it.
    MappingFile.FileMapping maker = null;
    String makerRoot = "";
    for (MappingFile.FileMapping file : mapping.files().values()) {
      List<String> roots = file.table() == null ? List.of(root(file)) : file.table().elements();
      for (String root : roots) {
        if ((root.isEmpty() || plain.startsWith(root + "/")) && (maker == null || root.length() > makerRoot.length())) {
          maker = file;
          makerRoot = root;
        }
      }
    }
    if (maker != null) {
      String relative = makerRoot.isEmpty() ? plain : plain.substring(makerRoot.length() + 1);
      hints.add("files." + maker.name() + ".paths." + relative);
      if (relative.equals("narrative") && maker.table() != null) {
        for (Map.Entry<OwnField, MappingFile.Field> field : maker.fields().entrySet()) {
          if (field.getValue() instanceof MappingFile.Column c && c.crosswalk() != null
              && field.getKey().target().equals(makerRoot + "/@code")) {
            hints.add("'narrative: label' beside the crosswalk of files." + maker.name() + ".columns." + field.getKey().key());
          }
        }
      }
    }
    return hints;
  }

  /** The path from the activity of the element a file's rows make (the first, for countries). */
  private String root(MappingFile.FileMapping file) {
    if (file.table() != null) {
      return file.table().elements().get(0);
    }
    String parent = file.within() == null ? "" : root(mapping.files().get(file.within().file()));
    return parent.isEmpty() ? file.element() : parent + "/" + file.element();
  }
}
