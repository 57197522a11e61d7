package org.iatipub.validation.rules;

import static org.iatipub.validation.rules.ExampleFiles.activity;
import static org.iatipub.validation.rules.RuleExample.breaks;
import static org.iatipub.validation.rules.RuleExample.keeps;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Examples of what is wrong with a file as a whole: not XML, not IATI, not the schema, not 2.03.
 * A file that breaks one of these gets that finding at the line where the parser gave up.
 */
final class FileLevelExamples {
  private FileLevelExamples() {}

  static List<RuleExample> examples() {
    return List.of(
        RuleExample.wholeFile("0.1.1", "breaks", new byte[0], "error"),
        keeps("0.1.1", activity("")),

        breaks("0.1.1", """
            Project,Title <!-- error 0.1.1 -->
            GH-1,Skills for green jobs
            """),
        keeps("0.1.1", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + activity("")),

        breaks("0.1.1", activity("""
            <title><narrative>Decent work</title> <!-- error 0.1.1 -->
            """)),
        // Nested deeper than any IATI file (SafeXml.MAX_ELEMENT_DEPTH): refused at the line, not a stack overflow.
        breaks("0.1.1", activity("""
            <title><narrative>Decent work</narrative></title>
            <legacy-data name="a" value="b">
            """ + "  " + "<x:n xmlns:x=\"https://example.org/x\">".repeat(300) + " <!-- error 0.1.1 -->\n"
            + "  " + "</x:n>".repeat(300) + "\n</legacy-data>\n")),
        keeps("0.1.1", activity("""
            <title><narrative>Decent work</narrative></title>
            """)),

        breaks("0.1.1", """
            <iati-activities version="2.03">
              <iati-activity xml:lang="en" default-currency="USD">
                <iati-identifier>XM-DAC-41302-1</iati-identifier> <!-- error 0.1.1 -->"""),
        keeps("0.1.1", activity("")),

        // Latin-1 bytes in a file that declares no encoding, so is read as UTF-8.
        breaks("0.1.1", activity("""
            <title><narrative>Développement</narrative></title> <!-- error 0.1.1 -->
            """)).encodedAs(StandardCharsets.ISO_8859_1),
        keeps("0.1.1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + activity("""
            <title><narrative>Développement</narrative></title>
            """)).encodedAs(StandardCharsets.ISO_8859_1),

        breaks("0.1.1", """
            <?xml version="1.0" encoding="UTF-9"?> <!-- error 0.1.1 -->
            """ + activity(""), "the file declares the encoding 'UTF-9', which cannot be read;"
                + " save the file as UTF-8 and declare encoding=\"UTF-8\" (or leave the declaration out)"),

        breaks("0.1.1", """
            <!DOCTYPE iati-activities [<!ENTITY name "ILO">]> <!-- error 0.1.1 -->
            """ + activity("")),
        keeps("0.1.1", "<!-- a comment is fine before the root -->\n" + activity("")),

        breaks("0.2.1", """
            <activities> <!-- error 0.2.1 -->
              <activity/>
            </activities>
            """),
        keeps("0.2.1", activity("")),

        breaks("iati/version", activity("""
            <iati-activities version="2.02"> <!-- warning iati/version -->
            """)),
        keeps("iati/version", activity("")),

        breaks("0.3.1", activity("""
            <title><narrative>Decent work</narrative><narrative-note>x</narrative-note></title> <!-- error 0.3.1 -->
            """)),
        keeps("0.3.1", activity("")));
  }
}
