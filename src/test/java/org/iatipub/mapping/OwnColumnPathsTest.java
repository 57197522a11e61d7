package org.iatipub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.iatipub.publish.CannotPublish;
import org.iatipub.publish.OwnForm;
import org.iatipub.publish.PublishRequest;
import org.iatipub.publish.PublishRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any IATI path from any column: a mapping file sends a column to a path relative to the element
 * each row of its file makes (the activity for {@code projects}, a sector for {@code sectors} …),
 * in the path language of the path-header form. Files of paths alone make one element per row,
 * nested in the rows of another file by key. Given these rows and this mapping, this XML.
 */
class OwnColumnPathsTest {
  @TempDir Path input;
  @TempDir Path output;

  /** Publishes the fixture of {@link OwnForm}, its mapping with {@code additions}, and {@code files}. */
  private PublishRun publish(String additions, String... files) throws Exception {
    OwnForm.write(input, files);
    PublishRun.file(input, "mapping.yaml", OwnForm.mapping(additions));
    return PublishRun.of(input, output);
  }

  /** The problems that stop the run before any row is read, each without the mapping file's path. */
  private List<String> problems(String additions, String... files) throws Exception {
    OwnForm.write(input, files);
    PublishRun.file(input, "mapping.yaml", OwnForm.mapping(additions));
    CannotPublish refused = assertThrows(CannotPublish.class, () -> PublishRun.of(input, output));
    return refused.problems().stream().map(p -> p.replace(input.resolve("mapping.yaml") + ": ", "")).toList();
  }

  private String file() {
    return "ilo-" + input.getFileName() + ".xml";
  }

  private static String ethiopia(String path) {
    return "//iati-activity[iati-identifier='XM-DAC-41302-ET-22-01-NLD']/" + path;
  }

  private static String cambodia(String path) {
    return "//iati-activity[iati-identifier='XM-DAC-41302-KH-23-02-SWE']/" + path;
  }

  @Test
  void aPathIsRelativeToTheElementEachRowOfItsFileMakes() throws Exception {
    PublishRun run = publish("""
        files:
          sectors:
            paths:
              narrative: {en: theme_en, fr: theme_fr}
              "@vocabulary-uri": list
        """, "sectors.csv", """
        code,theme,share,theme_en,theme_fr,list
        ET-22-01-NLD,EMP-YOUTH,100,Youth employment,Emploi des jeunes,https://example.org/themes
        KH-23-02-SWE,SOCPRO,100,,,
        """);

    run.assertXml(file(), ethiopia("sector"), """
        <sector vocabulary="1" code="16020" percentage="100" vocabulary-uri="https://example.org/themes">
          <narrative>Youth employment</narrative>
          <narrative xml:lang="fr">Emploi des jeunes</narrative>
        </sector>
        """);
    run.assertXml(file(), cambodia("sector"), "<sector vocabulary=\"1\" code=\"16010\" percentage=\"100\"/>");
  }

  @Test
  void theProjectsPathsAreRelativeToTheActivityAndADefaultFillsWhatARowLeavesEmpty() throws Exception {
    PublishRun run = publish("""
        defaults:
          "@humanitarian": "0"
        files:
          projects:
            paths:
              "@humanitarian": emergency
              contact-info/organisation/narrative: office
              contact-info/email: email
        """, "projects.csv", """
        code,programme,title_en,title_zh,summary_en,status,start,end,modality,emergency,office,email
        ET-22-01-NLD,,Decent jobs for young women and men in Ethiopia,,Employment services.,ACTIVE,2022-01-01,2025-12-31,,1,ILO Addis Ababa,addis@ilo.org
        KH-23-02-SWE,,Building a social protection floor in Cambodia,,Social protection.,ACTIVE,2023-04-01,2026-03-31,TA,,,
        """);

    // A boolean is published as the cell (or the default) writes it: 1 stays 1.
    assertEquals("1", run.xpath(file(), ethiopia("@humanitarian")));
    assertEquals("0", run.xpath(file(), cambodia("@humanitarian")));
    run.assertXml(file(), ethiopia("contact-info"), """
        <contact-info>
          <organisation><narrative>ILO Addis Ababa</narrative></organisation>
          <email>addis@ilo.org</email>
        </contact-info>
        """);
    assertEquals("0", run.xpath(file(), "count(" + cambodia("contact-info") + ")"));
  }

  @Test
  void anActivityMayHaveALanguageOfItsOwnAndTheOrganisationsNarrativesThenSayTheirs() throws Exception {
    PublishRun run = publish("""
        files:
          projects:
            paths:
              "@xml:lang": language
        """, "projects.csv", OwnForm.PROJECTS.replace("modality\n", "modality,language\n")
            .replace(",2025-12-31,\n", ",2025-12-31,,fr\n").replace(",TA\n", ",TA,\n"));

    assertEquals("fr", run.xpath(file(), ethiopia("@*[local-name()='lang']")));
    assertEquals("en", run.xpath(file(), cambodia("@*[local-name()='lang']")));
    run.assertXml(file(), ethiopia("title"), """
        <title>
          <narrative xml:lang="en">Decent jobs for young women and men in Ethiopia</narrative>
          <narrative xml:lang="zh">埃塞俄比亚青年男女体面就业</narrative>
        </title>
        """);
    run.assertXml(file(), cambodia("title"), """
        <title>
          <narrative>Building a social protection floor in Cambodia</narrative>
          <narrative xml:lang="zh">柬埔寨社会保护底线建设</narrative>
        </title>
        """);
  }

  @Test
  void aFileOfPathsMakesOneElementPerRow() throws Exception {
    PublishRun run = publish("""
        crosswalks:
          contact-type: crosswalks/contact-type.csv
        files:
          contacts:
            element: contact-info
            columns:
              project: code
            paths:
              "@type": {column: kind, crosswalk: contact-type}
              organisation/narrative: office
              telephone: phone
              email: email
        """, "crosswalks/contact-type.csv", """
        local_code,iati_code
        GENERAL,1
        PROJECT,2
        """, "contacts.csv", """
        code,kind,office,phone,email
        ET-22-01-NLD,GENERAL,ILO Addis Ababa,+251 11 544 4480,addis@ilo.org
        ET-22-01-NLD,PROJECT,Youth employment team,,youth@ilo.org
        """);

    run.assertXml(file(), ethiopia("contact-info"), """
        <contact-info type="1">
          <organisation><narrative>ILO Addis Ababa</narrative></organisation>
          <telephone>+251 11 544 4480</telephone>
          <email>addis@ilo.org</email>
        </contact-info>
        <contact-info type="2">
          <organisation><narrative>Youth employment team</narrative></organisation>
          <email>youth@ilo.org</email>
        </contact-info>
        """);
    run.assertEveryRowAccountedFor();
  }

  @Test
  void rowsOfANestedFileGoIntoTheElementOfTheRowWhoseKeyTheyName() throws Exception {
    PublishRun run = publish("""
        crosswalks:
          modality: crosswalks/modality.csv
        files:
          locations:
            key: place
            columns:
              project: code
              name: {en: place_name}
          areas:
            file: location-areas.csv
            element: administrative
            within: {file: locations, column: place}
            columns:
              project: code
            paths:
              "@vocabulary": vocabulary
              "@level": level
              "@code": area
          transaction-aid-types:
            element: aid-type
            within: {file: transactions, column: reference}
            columns:
              project: code
            paths:
              "@code": {column: modality, crosswalk: modality}
          transactions:
            key: reference
        """, "locations.csv", """
        code,place,place_name
        ET-22-01-NLD,ADD,Addis Ababa
        ET-22-01-NLD,HAW,Hawassa
        """, "location-areas.csv", """
        code,place,vocabulary,level,area
        ET-22-01-NLD,HAW,G1,1,444186
        ET-22-01-NLD,ADD,G1,1,344979
        ET-22-01-NLD,HAW,G1,2,444185
        """, "transactions.csv", """
        code,reference,kind,date,amount,currency,from_id,from_name,to_id,to_name
        ET-22-01-NLD,ET-FA,AGREEMENT,2021-11-15,2400000.00,,XM-DAC-7,Netherlands,,
        """, "crosswalks/modality.csv", """
        local_code,iati_code,vocabulary
        PROJ,C01,1
        SOFT-EARMARKED,3,2
        """, "transaction-aid-types.csv", """
        code,reference,modality
        ET-22-01-NLD,ET-FA,PROJ
        ET-22-01-NLD,ET-FA,SOFT-EARMARKED
        """);

    assertEquals("", run.printed());
    run.assertXml(file(), ethiopia("location"), """
        <location>
          <name><narrative>Addis Ababa</narrative></name>
          <administrative vocabulary="G1" level="1" code="344979"/>
        </location>
        <location>
          <name><narrative>Hawassa</narrative></name>
          <administrative vocabulary="G1" level="1" code="444186"/>
          <administrative vocabulary="G1" level="2" code="444185"/>
        </location>
        """);
    run.assertXml(file(), ethiopia("transaction/aid-type"), """
        <aid-type code="C01" vocabulary="1"/>
        <aid-type code="3" vocabulary="2"/>
        """);
  }

  @Test
  void aDeliverablesPathsMeetItsResultAndIndicatorAndEachRowsOwnPeriod() throws Exception {
    PublishRun run = publish("""
        files:
          deliverables:
            paths:
              "@aggregation-status": aggregated
              indicator/reference/@code: sdg_indicator
              indicator/reference/@vocabulary: {default: "9"}
              indicator/period/target/comment/narrative: target_note
        """, "deliverables.csv", """
        code,output_id,output_en,output_zh,indicator_en,baseline_year,baseline,timeline,target,actual,aggregated,sdg_indicator,target_note
        ET-22-01-NLD,O1,Young people in decent jobs,,Young people placed,2021,0,2022–2023,1500,1620,1,8.5.2,Half of them women
        ET-22-01-NLD,O1,,,,,,2024–2025,3000,,1,,
        """);

    assertEquals("", run.printed());
    run.assertXml(file(), ethiopia("result"), """
        <result type="1" aggregation-status="1">
          <title><narrative>Young people in decent jobs</narrative></title>
          <indicator measure="1">
            <title><narrative>Young people placed</narrative></title>
            <reference code="8.5.2" vocabulary="9"/>
            <baseline year="2021" value="0"/>
            <period>
              <period-start iso-date="2022-01-01"/>
              <period-end iso-date="2023-12-31"/>
              <target value="1500"><comment><narrative>Half of them women</narrative></comment></target>
              <actual value="1620"/>
            </period>
            <period>
              <period-start iso-date="2024-01-01"/>
              <period-end iso-date="2025-12-31"/>
              <target value="3000"/>
            </period>
          </indicator>
        </result>
        """);
  }

  @Test
  void aCrosswalksVocabularyAndLabelGoWithTheCodeTheyDescribe() throws Exception {
    PublishRun run = publish("""
        crosswalks:
          regions: crosswalks/regions.csv
          themes: crosswalks/themes.csv
        files:
          countries:
            columns:
              region: {column: region, crosswalk: regions}
          sectors:
            columns:
              sector: {column: theme, crosswalk: themes, narrative: label}
        """, "crosswalks/regions.csv", """
        local_code,iati_code,vocabulary,vocabulary_uri,label
        EAST-AFRICA,014,2,https://unstats.un.org/unsd/methodology/m49/,Eastern Africa
        """, "crosswalks/themes.csv", """
        local_code,iati_code,vocabulary,vocabulary_uri,label
        EMP-YOUTH,YE,99,https://example.org/ilo-themes,Youth employment
        EMP-YOUTH-DAC,16020,1,,
        SOCPRO,16010,1,,Social protection
        """, "countries.csv", """
        code,country,region,share
        ET-22-01-NLD,,EAST-AFRICA,100
        KH-23-02-SWE,KH,,100
        """, "sectors.csv", """
        code,theme,share
        ET-22-01-NLD,EMP-YOUTH,100
        ET-22-01-NLD,EMP-YOUTH-DAC,100
        KH-23-02-SWE,SOCPRO,100
        """);

    run.assertXml(file(), ethiopia("recipient-region"), """
        <recipient-region code="014" vocabulary="2" vocabulary-uri="https://unstats.un.org/unsd/methodology/m49/" percentage="100"/>
        """);
    run.assertXml(file(), ethiopia("sector"), """
        <sector vocabulary="99" vocabulary-uri="https://example.org/ilo-themes" code="YE" percentage="100">
          <narrative>Youth employment</narrative>
        </sector>
        <sector vocabulary="1" code="16020" percentage="100"/>
        """);
  }

  @Test
  void extensionElementsAndAttributesTakeTheNamespacesTheMappingDeclares() throws Exception {
    PublishRun run = publish("""
        namespaces:
          ilo: https://ilo.org/ns/iati
        files:
          projects:
            paths:
              ilo:programme-area: area
              title/@ilo:short: short_title
        """, "projects.csv", OwnForm.PROJECTS.replace("modality\n", "modality,area,short_title\n")
            .replace(",2025-12-31,\n", ",2025-12-31,,Youth,Jobs ET\n").replace(",TA\n", ",TA,,\n"));

    assertEquals("Youth", run.xpath(file(), ethiopia("*[local-name()='programme-area' and namespace-uri()='https://ilo.org/ns/iati']")));
    assertEquals("Jobs ET", run.xpath(file(), ethiopia("title/@*[local-name()='short']")));
  }

  @Test
  void aSecondValueForWhatARowAlreadyGaveIsAFindingNotAReplacement() throws Exception {
    PublishRun run = publish("""
        files:
          sectors:
            paths:
              "@vocabulary": vocabulary
        """, "sectors.csv", """
        code,theme,share,vocabulary
        ET-22-01-NLD,EMP-YOUTH,100,2
        KH-23-02-SWE,SOCPRO,100,1
        """);

    assertEquals(List.of(
        input + "/sectors.csv:2:vocabulary: error: '2' for @vocabulary would replace '1' from " + input
            + "/sectors.csv:2:theme; give it in one place [mapping/conflicting-value]",
        input + "/projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above;"
            + " its 5 rows (this one and the rows linked to it) are not published [publish/withheld]"),
        run.findings().stream().filter(f -> f.isError()).map(Object::toString).toList());
  }

  @Test
  void aNestedRowNamingNoParentRowIsAFindingAtItsCell() throws Exception {
    PublishRun run = publish("""
        files:
          locations:
            key: place
            columns:
              project: code
              name: {en: place_name}
          areas:
            element: administrative
            within: {file: locations, column: place}
            columns:
              project: code
            paths:
              "@code": area
        """, "locations.csv", """
        code,place,place_name
        ET-22-01-NLD,ADD,Addis Ababa
        """, "areas.csv", """
        code,place,area
        ET-22-01-NLD,HAW,ET-SI
        """);

    assertEquals(input + "/areas.csv:2:place: error: no row of locations for this project has the key 'HAW', so this"
        + " administrative has nowhere to go [mapping/unknown-parent]", run.findings().get(0).toString());
  }

  @Test
  void everyNameInTheMappingIsCheckedBeforeAnyRowIsRead() throws Exception {
    List<String> problems = problems("""
        files:
          sectors:
            paths:
              narative: theme_name
              "@vocabulary_uri": list
              narrative/3/@xml:lang: language
          projects:
            paths:
              title/1/narrative: other_title
              ilo:area: area
              title/narrative: title_fr
          contacts:
            element: contact
            columns:
              project: code
          areas:
            element: administrative
            within: {file: locations, column: place}
            columns:
              project: code
        """);

    assertEquals(List.of(
        "files.projects.paths.title/1/narrative: not an IATI path here: 'title' occurs once in iati-activity, so it has no position 1",
        "files.projects.paths.ilo:area: not an IATI path here: 'ilo:area' uses the prefix 'ilo', which is not declared;"
            + " add it under 'namespaces:' with its URI",
        "files.projects.paths.title/narrative: the field 'title' already writes title/narrative;"
            + " give its languages there instead ({en: ..., fr: ...})",
        "files.sectors.paths.narative: not an IATI path here: 'narative' is not an element of sector; it has narrative",
        "files.sectors.paths.@vocabulary_uri: not an IATI path here: '@vocabulary_uri' is not an attribute of sector;"
            + " its attributes are code, percentage, vocabulary, vocabulary-uri",
        "files.contacts.element: 'contact' is not an element each row can make: 'contact' is not an element of"
            + " iati-activity with elements of its own; iati-activity has " + activityElements(),
        "files.areas.within.file: no file named 'locations' under 'files'"), problems);
  }

  @Test
  void aCrosswalkWhoseVocabulariesWouldBeLostIsRefused() throws Exception {
    List<String> problems = problems("""
        crosswalks:
          role: crosswalks/role-with-vocabulary.csv
        """, "crosswalks/role-with-vocabulary.csv", """
        local_code,iati_code,vocabulary
        DONOR,1,1
        PARTNER,4,
        """);

    assertEquals(List.of("files.participants.columns.role: the crosswalk 'role' gives vocabularies, but"
        + " participating-org/@role has none to write them to, so they would be lost; empty its vocabulary column,"
        + " or use it for a code that has one (such as sector/@code)"), problems);
  }

  @Test
  void withSchemaOnlyTheMappingChecksNoIatiRule() throws Exception {
    OwnForm.write(input, "sectors.csv", """
        code,theme,share
        ET-22-01-NLD,EMP-YOUTH,70
        ET-22-01-NLD,SKILLS,20
        KH-23-02-SWE,SOCPRO,100
        """);
    PublishRun run = PublishRun.schemaOnly(new PublishRequest(input, null, output, ',', null, false));

    assertEquals("", run.printed());
    assertEquals(2, run.report().sets().get(0).published());
  }

  private static String activityElements() {
    return String.join(", ", new java.util.TreeSet<>(IatiPaths.activity().element("").elementNames().stream()
        .map(XmlElement::pathName).toList()));
  }
}
