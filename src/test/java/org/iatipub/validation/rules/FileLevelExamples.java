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
        RuleExample.wholeFile("xml/empty", "breaks", new byte[0], "error"),
        keeps("xml/empty", activity("")),

        breaks("xml/not-xml", """
            Project,Title <!-- error xml/not-xml -->
            GH-1,Skills for green jobs
            """),
        keeps("xml/not-xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + activity("")),

        breaks("xml/not-well-formed", activity("""
            <title><narrative>Decent work</title> <!-- error xml/not-well-formed -->
            """)),
        // Nested deeper than any IATI file (SafeXml.MAX_ELEMENT_DEPTH): refused at the line, not a stack overflow.
        breaks("xml/not-well-formed", activity("""
            <title><narrative>Decent work</narrative></title>
            <legacy-data name="a" value="b">
            """ + "  " + "<x:n xmlns:x=\"https://example.org/x\">".repeat(300) + " <!-- error xml/not-well-formed -->\n"
            + "  " + "</x:n>".repeat(300) + "\n</legacy-data>\n")),
        keeps("xml/not-well-formed", activity("""
            <title><narrative>Decent work</narrative></title>
            """)),

        breaks("xml/truncated", """
            <iati-activities version="2.03">
              <iati-activity xml:lang="en" default-currency="USD">
                <iati-identifier>XM-DAC-41302-1</iati-identifier> <!-- error xml/truncated -->"""),
        keeps("xml/truncated", activity("")),

        // Latin-1 bytes in a file that declares no encoding, so is read as UTF-8.
        breaks("xml/encoding", activity("""
            <title><narrative>Développement</narrative></title> <!-- error xml/encoding -->
            """)).encodedAs(StandardCharsets.ISO_8859_1),
        keeps("xml/encoding", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + activity("""
            <title><narrative>Développement</narrative></title>
            """)).encodedAs(StandardCharsets.ISO_8859_1),

        breaks("xml/encoding", """
            <?xml version="1.0" encoding="UTF-9"?> <!-- error xml/encoding -->
            """ + activity(""), "the file declares the encoding 'UTF-9', which cannot be read;"
                + " save the file as UTF-8 and declare encoding=\"UTF-8\" (or leave the declaration out)"),

        breaks("xml/doctype", """
            <!DOCTYPE iati-activities [<!ENTITY name "ILO">]> <!-- error xml/doctype -->
            """ + activity("")),
        keeps("xml/doctype", "<!-- a comment is fine before the root -->\n" + activity("")),

        breaks("iati/root", """
            <activities> <!-- error iati/root -->
              <activity/>
            </activities>
            """),
        keeps("iati/root", activity("")),

        breaks("iati/version", activity("""
            <iati-activities version="2.02"> <!-- warning iati/version -->
            """)),
        keeps("iati/version", activity("")),

        breaks("xsd/*", activity("""
            <title><narrative>Decent work</narrative><narrative-note>x</narrative-note></title> <!-- error xsd/cvc-complex-type.2.4.a -->
            """)),
        keeps("xsd/*", activity("")));
  }
}
