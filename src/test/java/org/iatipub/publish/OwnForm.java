package org.iatipub.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A small own-form input set for tests: the mapping file and crosswalks of a publisher (the ILO),
 * to which each test adds the CSV rows it is about.
 */
public final class OwnForm {
  private OwnForm() {}

  public static final String MAPPING = """
      publisher: ilo
      identifier-prefix: XM-DAC-41302-
      reporting-org:
        ref: XM-DAC-41302
        type: "40"
        name: {en: International Labour Organization, zh: 国际劳工组织}
      defaults:
        currency: USD
        language: en
        flow-type: "10"
        finance-type: "110"
        aid-type: C01
        aid-type-vocabulary: "1"
        tied-status: "5"
        collaboration-type: "1"
      crosswalks:
        status: crosswalks/status.csv
        purpose: crosswalks/purpose.csv
        aid-type: crosswalks/aid-type.csv
        transaction-type: crosswalks/transaction-type.csv
        role: crosswalks/role.csv
        marker: crosswalks/marker.csv
        significance: crosswalks/significance.csv
      files:
        projects:
          columns:
            id: code
            parent: programme
            title: {en: title_en, zh: title_zh}
            description: {en: summary_en}
            status: {column: status, crosswalk: status}
            planned-start: start
            planned-end: end
            aid-type: {column: modality, crosswalk: aid-type}
        participants:
          columns:
            project: code
            role: {column: role, crosswalk: role}
            ref: org_id
            type: org_type
            name: {en: name_en}
        sectors:
          columns:
            project: code
            sector: {column: theme, crosswalk: purpose}
            percentage: share
        countries:
          columns:
            project: code
            country: country
            percentage: share
        policy-markers:
          columns:
            project: code
            marker: {column: marker, crosswalk: marker}
            significance: {column: significance, crosswalk: significance}
        transactions:
          columns:
            project: code
            ref: reference
            type: {column: kind, crosswalk: transaction-type}
            date: date
            value: amount
            currency: currency
            provider-ref: from_id
            provider-name: {en: from_name}
            receiver-ref: to_id
            receiver-name: {en: to_name}
        budgets:
          columns:
            project: code
            start: from
            end: to
            value: amount
        deliverables:
          columns:
            project: code
            deliverable: output_id
            result: {en: output_en, zh: output_zh}
            indicator: {en: indicator_en}
            baseline-year: baseline_year
            baseline-value: baseline
            timeline: timeline
            target: target
            actual: actual
      """;

  /**
   * The fixture's mapping with {@code additions} (YAML) merged into it: keys it has are merged
   * into, values replaced, new keys added; so a test states only what it adds.
   */
  public static String mapping(String additions) {
    try {
      ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
      ObjectNode merged = (ObjectNode) yaml.readTree(MAPPING);
      merge(merged, (ObjectNode) yaml.readTree(additions));
      return yaml.writeValueAsString(merged);
    } catch (IOException e) {
      throw new IllegalArgumentException("not YAML: " + additions, e);
    }
  }

  private static void merge(ObjectNode into, ObjectNode from) {
    from.fields().forEachRemaining(entry -> {
      if (into.get(entry.getKey()) instanceof ObjectNode inner && entry.getValue() instanceof ObjectNode more) {
        merge(inner, more);
      } else {
        into.set(entry.getKey(), entry.getValue());
      }
    });
  }

  /** Projects, and their participants, that publish cleanly; tests add or change rows. */
  public static final String PROJECTS = """
      code,programme,title_en,title_zh,summary_en,status,start,end,modality
      ET-22-01-NLD,,Decent jobs for young women and men in Ethiopia,埃塞俄比亚青年男女体面就业,Employment services and enterprise support for youth.,ACTIVE,2022-01-01,2025-12-31,
      KH-23-02-SWE,,Building a social protection floor in Cambodia,柬埔寨社会保护底线建设,Extends social protection to informal workers.,ACTIVE,2023-04-01,2026-03-31,TA
      """;

  public static final String PARTICIPANTS = """
      code,role,org_id,org_type,name_en
      ET-22-01-NLD,DONOR,XM-DAC-7,10,Ministry of Foreign Affairs of the Netherlands
      ET-22-01-NLD,PARTNER,XM-DAC-41302,40,International Labour Organization
      KH-23-02-SWE,DONOR,SE-0,10,Swedish International Development Cooperation Agency
      KH-23-02-SWE,PARTNER,XM-DAC-41302,40,International Labour Organization
      """;

  /** Writes the mapping file, its crosswalks and the given CSV files (name, text, name, text …). */
  public static Path write(Path dir, String... namesAndTexts) throws IOException {
    PublishRun.file(dir, "mapping.yaml", MAPPING);
    PublishRun.file(dir, "crosswalks/status.csv", "local_code,iati_code\nPIPELINE,1\nACTIVE,2\nCLOSED,4\n");
    PublishRun.file(dir, "crosswalks/purpose.csv", """
        local_code,iati_code,vocabulary,label
        EMP-YOUTH,16020,1,Employment creation
        SOCPRO,16010,1,Social protection
        SKILLS,11330,1,Vocational training
        """);
    PublishRun.file(dir, "crosswalks/aid-type.csv", "local_code,iati_code,vocabulary\nPROJ,C01,1\nTA,D02,1\n");
    PublishRun.file(dir, "crosswalks/transaction-type.csv", "local_code,iati_code\nAGREEMENT,11\nRECEIPT,1\nSPEND,4\n");
    PublishRun.file(dir, "crosswalks/role.csv", "local_code,iati_code\nDONOR,1\nPARTNER,4\n");
    PublishRun.file(dir, "crosswalks/marker.csv", "local_code,iati_code,vocabulary\nGENDER,1,1\nCLIMATE-ADAPTATION,7,1\n");
    PublishRun.file(dir, "crosswalks/significance.csv", "local_code,iati_code\nSIGNIFICANT,1\nPRINCIPAL,2\n");
    boolean projects = false;
    boolean participants = false;
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      PublishRun.file(dir, namesAndTexts[i], namesAndTexts[i + 1]);
      projects |= namesAndTexts[i].equals("projects.csv");
      participants |= namesAndTexts[i].equals("participants.csv");
    }
    if (!projects) {
      PublishRun.file(dir, "projects.csv", PROJECTS);
    }
    if (!participants) {
      PublishRun.file(dir, "participants.csv", PARTICIPANTS);
    }
    for (String table : new String[] {"sectors.csv", "countries.csv", "policy-markers.csv", "transactions.csv", "budgets.csv", "deliverables.csv"}) {
      if (!java.nio.file.Files.exists(dir.resolve(table))) {
        PublishRun.file(dir, table, switch (table) {
          // Every activity needs a sector and a country or region (IATI rules 6.2.2, 3.7.1):
          // the fixture projects get one each.
          case "sectors.csv" -> "code,theme,share\nET-22-01-NLD,EMP-YOUTH,100\nKH-23-02-SWE,SOCPRO,100\n";
          case "countries.csv" -> "code,country,share\nET-22-01-NLD,ET,100\nKH-23-02-SWE,KH,100\n";
          case "policy-markers.csv" -> "code,marker,significance\n";
          case "transactions.csv" -> "code,reference,kind,date,amount,currency,from_id,from_name,to_id,to_name\n";
          case "budgets.csv" -> "code,from,to,amount\n";
          default -> "code,output_id,output_en,output_zh,indicator_en,baseline_year,baseline,timeline,target,actual\n";
        });
      }
    }
    return dir;
  }
}
