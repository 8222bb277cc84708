package fr.oref.devenir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.contracts.WrittenFile;
import fr.oref.devenir.publish.RespondentExtract;
import fr.oref.devenir.stats.IndicatorCatalog;
import fr.oref.devenir.text.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the demo campaign writes for people (its sample's inputs aside) has a contract in
 * data-schemas/, and holds the sheets and header rows that contract declares, in its order.
 */
class WrittenFilesContractTest {
  /** Which contract each written file answers to, by file name; a file matched by none fails the test. */
  private static final Map<String, String> CONTRACTS = new LinkedHashMap<>();

  static {
    CONTRACTS.put("validation_C\\d+_.+\\.xlsx", "validation-report");
    CONTRACTS.put("synthese_C\\d+\\.xlsx", "validation-summary");
    CONTRACTS.put("panel_C\\d+_V\\d(_.+)?\\.csv", "survey-panel");
    CONTRACTS.put("relances_C\\d+_V\\d_.+\\.csv", "call-list");
    CONTRACTS.put("titres_a_coder_C\\d+_V\\d\\.csv", "titles-to-code");
    CONTRACTS.put("chiffres_cles_C\\d+_V\\d\\.xlsx", "key-figures");
    CONTRACTS.put("indicateurs_(toutes_cohortes_)?C\\d+_V\\d_opendata\\.csv", "open-data");
    CONTRACTS.put("indicateurs_C\\d+_V\\d_definitions\\.csv", "indicator-definitions");
    CONTRACTS.put("indicateurs_[0-9A-Z]+_C\\d+_V\\d\\.xlsx", "cfa-indicators");
    CONTRACTS.put("resultats_[0-9A-Z]+_C\\d+_V\\d\\.xlsx", "cfa-results");
    // the extract's contract has its own layout (source, role): its column names are its header
    CONTRACTS.put("repondants_diffusion_restreinte_C\\d+_V\\d\\.csv", RespondentExtract.CONTRACT);
    // the indicators command's export is the table itself: its contract is tables/gold.indicators.ddl
    CONTRACTS.put("indicators_C\\d+_V\\d\\.csv", Table.INDICATORS.qualifiedName());
  }

  @Test
  void everyFileTheCampaignWritesHoldsItsContractsSheetsAndColumns() throws Exception {
    DemoRun.ensure();
    Path out = DemoRun.dir.resolve("out");
    List<Path> written;
    try (Stream<Path> files = Files.walk(out)) {
      written = files.filter(f -> f.toString().matches(".*\\.(csv|xlsx)$") && !out.relativize(f).startsWith("sample"))
          .sorted().toList();
    }
    Map<String, Integer> checked = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Path f : written) {
      String name = f.getFileName().toString();
      List<String> contracts = CONTRACTS.keySet().stream().filter(name::matches).map(CONTRACTS::get).toList();
      assertEquals(1, contracts.size(), name + " answers to one contract of data-schemas/: " + contracts);
      checked.merge(contracts.get(0), 1, Integer::sum);
      problems.addAll(check(f, contracts.get(0)));
    }
    assertEquals(List.of(), problems);
    assertEquals(CONTRACTS.size(), checked.size(), "every contract had files to check: " + checked);
  }

  /** The checks themselves fail on a file that drifted from its contract. */
  @Test
  void aFileThatDriftedFromItsContractIsReported(@TempDir Path dir) throws Exception {
    Path titles = dir.resolve("titres_a_coder_C2022_V1.csv");
    List<String> swapped = new ArrayList<>(WrittenFile.of("titles-to-code").headers());
    swapped.add(0, swapped.remove(1));
    try (OutputStream out = Files.newOutputStream(titles)) {
      Csv.writeForExcel(out, swapped, List.of());
    }
    assertFalse(check(titles, "titles-to-code").isEmpty(), "a column out of place is seen");

    Path report = dir.resolve("validation_C2022_0140001A.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(report)) {
      WrittenFile contract = WrittenFile.of("validation-report");
      List<String> reversed = new ArrayList<>(contract.sheets());
      Collections.reverse(reversed);
      for (String sheet : reversed) {
        List<String> headers = contract.headers(sheet, Map.of());
        Row row = wb.createSheet(sheet).createRow(0);
        for (int c = 0; c < headers.size(); c++) {
          row.createCell(c).setCellValue(headers.get(c));
        }
      }
      wb.write(out);
    }
    assertTrue(check(report, "validation-report").stream().anyMatch(p -> p.contains("sheets")),
        "sheets out of order are seen");
  }

  /** What is wrong with {@code file} against its contract; nothing when it holds it. */
  private static List<String> check(Path file, String contract) throws IOException {
    if (file.toString().endsWith(".xlsx")) {
      return checkWorkbook(file, WrittenFile.of(contract));
    }
    List<String> header;
    try (InputStream in = Files.newInputStream(file)) {
      header = Csv.readAll(in, StandardCharsets.UTF_8).get(0);
    }
    List<String> expected = expectedCsvHeader(contract);
    return header.equals(expected) ? List.of() : List.of(file.getFileName() + ": header " + header + ", contract "
        + contract + " says " + expected);
  }

  private static List<String> expectedCsvHeader(String contract) {
    if (contract.equals(RespondentExtract.CONTRACT)) {
      return Csv.readResource(contract).stream().map(c -> c.get("column")).toList();
    }
    if (contract.equals(Table.INDICATORS.qualifiedName())) {
      return Arrays.asList(Table.INDICATORS.schema().fieldNames());
    }
    return WrittenFile.of(contract).headers();
  }

  /**
   * The workbook's sheets are the contract's, in order ({@code {dimension}} standing for one sheet per
   * dimension of dimensions.csv), and each holds a row that is its contract's header row.
   */
  private static List<String> checkWorkbook(Path file, WrittenFile contract) throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> labels = IndicatorCatalog.published().stream().map(IndicatorCatalog.Indicator::label).toList();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
      List<String> declared = new ArrayList<>();
      List<Map<String, List<String>>> expansions = new ArrayList<>();
      for (Sheet sheet : wb) {
        Optional<String> dimension = IndicatorCatalog.dimensions().stream().map(IndicatorCatalog.Dimension::name)
            .filter(d -> d.replace('*', 'x').equals(sheet.getSheetName())).findFirst();
        boolean perDimension = dimension.isPresent() && contract.sheets().contains("{dimension}");
        declared.add(perDimension ? "{dimension}" : sheet.getSheetName());
        expansions.add(perDimension ? Map.of("indicators", labels, "dimension", List.of(dimension.get()))
            : Map.of("indicators", labels));
      }
      if (!declared.stream().distinct().toList().equals(contract.sheets())) {
        return List.of(file.getFileName() + ": sheets " + declared + ", contract " + contract.path() + " says "
            + contract.sheets());
      }
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        List<String> expected = contract.headers(declared.get(i), expansions.get(i));
        // the CFAs' results hold their respondents' e-mails and phones only when publish is told to
        List<String> withoutContacts = new ArrayList<>(expected);
        withoutContacts.removeAll(contract.columns(declared.get(i)).stream().filter(c -> "oui".equals(c.get("contact")))
            .map(WrittenFile.Column::header).toList());
        if (!hasRow(wb.getSheetAt(i), expected) && !hasRow(wb.getSheetAt(i), withoutContacts)) {
          problems.add(file.getFileName() + ", sheet " + wb.getSheetAt(i).getSheetName() + ": no row " + expected
              + " (" + contract.path() + ")");
        }
      }
    }
    return problems;
  }

  private static boolean hasRow(Sheet sheet, List<String> expected) {
    DataFormatter text = new DataFormatter();
    for (Row row : sheet) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < row.getLastCellNum(); c++) {
        cells.add(text.formatCellValue(row.getCell(c)));
      }
      while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
        cells.remove(cells.size() - 1);
      }
      if (cells.equals(expected)) {
        return true;
      }
    }
    return false;
  }
}
