package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iatipub.SharedIati;
import org.iatipub.finding.Finding;
import org.iatipub.flatten.Flattener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sheets flatten writes publish to the same files whether they are CSV files or workbooks: the
 * real 2.03 files (extension elements, namespaces, narratives in many languages, nested lists with
 * their keys) flattened both ways, then published, give the same bytes. The workbook reader is held
 * to the CSV reader on everything a path-header sheet can say.
 */
class FlattenedWorkbooksTest {
  @TempDir Path work;

  private Map<String, byte[]> published(Path sheets, String run) throws Exception {
    PublishRun published = PublishRun.schemaOnly(new PublishRequest(sheets, null, work.resolve(run), ',', null, false));
    assertEquals(List.of(), published.findings().stream().map(Finding::toString).toList(), run);
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String file : published.outputFiles()) {
      files.put(file, Files.readAllBytes(work.resolve(run).resolve(file)));
    }
    return files;
  }

  @Test
  void theRealFilesFlattenedToWorkbooksPublishWhatTheirCsvSheetsPublish() throws Exception {
    List<Path> files;
    try (Stream<Path> real = Files.list(SharedIati.require("real-files", "v2.03"))) {
      files = real.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    List<Finding> flattened = new ArrayList<>();
    new Flattener(Flattener.Format.CSV).flatten(files, work.resolve("csv"), flattened::add);
    new Flattener(Flattener.Format.XLSX).flatten(files, work.resolve("xlsx"), flattened::add);
    assertEquals(List.of(), flattened.stream().filter(Finding::isError).toList());

    Map<String, byte[]> fromCsv = published(work.resolve("csv"), "from-csv");
    Map<String, byte[]> fromWorkbooks = published(work.resolve("xlsx"), "from-xlsx");

    assertEquals(files.size(), fromCsv.size());
    assertEquals(fromCsv.keySet(), fromWorkbooks.keySet());
    fromCsv.forEach((file, bytes) -> assertEquals(new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
        new String(fromWorkbooks.get(file), java.nio.charset.StandardCharsets.UTF_8), file));
  }
}
