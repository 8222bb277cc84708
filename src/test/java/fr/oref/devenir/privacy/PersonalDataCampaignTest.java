package fr.oref.devenir.privacy;

import static fr.oref.devenir.privacy.HostileCampaign.COHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.cli.Devenir;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.testing.PublishedText;
import fr.oref.devenir.testing.SharedSpark;
import fr.oref.devenir.text.Csv;
import fr.oref.devenir.text.FormulaText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A hostile small campaign through the command line, from the leaver files to publication and purge:
 * nothing written can run as a formula, every file is owner-only, every file with personal data is
 * registered, no personal value reaches the terminal or a log, and after the purge none is left anywhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataCampaignTest {
  Path dir;
  Path out;
  String lakeRoot;
  SparkSession spark;
  final StringBuilder terminal = new StringBuilder();

  int devenir(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cli = Devenir.commandLine();
    cli.setOut(new PrintWriter(o, true));
    cli.setErr(new PrintWriter(e, true));
    try (LogCapture logs = LogCapture.start()) {
      int code = cli.execute(args);
      terminal.append(o).append(e).append(logs.text());
      return code;
    }
  }

  String[] spark(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--master", "local[2]", "--allow-demo-key", "--lake", lakeRoot));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  @BeforeAll
  void campaign(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    out = dir.resolve("out");
    lakeRoot = dir.resolve("lake").toString();
    spark = SharedSpark.session();
    Path in = dir.resolve("in");
    HostileCampaign.writeLeavers(in);
    String c = String.valueOf(COHORT);
    assertEquals(0, devenir(spark("ingest-leavers", "--cohort", c, "--reports", out.resolve("validation").toString(),
        in.toString())), terminal.toString());
    assertEquals(0, devenir(spark("panel", "--cohort", c, "--wave", "1", "--out", out.resolve("panel").toString())),
        terminal.toString());
    Path export = dir.resolve("export.csv");
    HostileCampaign.writeExport(export, HostileCampaign.idsFromPanel(out.resolve("panel/panel_C2022_V1.csv")));
    assertEquals(0, devenir(spark("ingest-responses", "--cohort", c, "--wave", "1", "--calls",
        out.resolve("calls").toString(), export.toString())), terminal.toString());
    assertEquals(0, devenir(spark("close-wave", "--cohort", c, "--wave", "1", "--out", out.toString())), terminal.toString());
    assertEquals(0, devenir(spark("indicators", "--cohort", c, "--wave", "1", "--out",
        out.resolve("indicators.csv").toString())), terminal.toString());
    assertEquals(0, devenir(spark("publish", "--cohort", c, "--wave", "1", "--out", out.resolve("publication").toString())),
        terminal.toString());
  }

  static List<Path> files(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  @Order(1)
  void noTextWrittenCanRunAsAFormula() throws Exception {
    int neutralised = 0;
    int files = 0;
    for (Path f : files(out)) {
      String name = f.getFileName().toString();
      if (name.endsWith(".csv")) {
        files++;
        for (List<String> record : Csv.readAll(Files.newInputStream(f), StandardCharsets.UTF_8)) {
          for (String field : record) {
            assertFalse(FormulaText.dangerous(field.replace("\uFEFF", "")), f + ": " + field);
            neutralised += field.startsWith("'") ? 1 : 0;
          }
        }
      } else if (name.endsWith(".xlsx")) {
        files++;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
          for (var sheet : wb) {
            for (var row : sheet) {
              for (Cell cell : row) {
                assertNotEquals(CellType.FORMULA, cell.getCellType(), f + " " + cell.getAddress());
                if (cell.getCellType() == CellType.STRING) {
                  assertFalse(FormulaText.dangerous(cell.getStringCellValue()), f + ": " + cell.getStringCellValue());
                  neutralised += cell.getStringCellValue().startsWith("'") ? 1 : 0;
                }
              }
            }
          }
        }
      }
    }
    assertTrue(files >= 10, "files read back: " + files);
    assertTrue(neutralised >= 10, "the hostile values reached the files, neutralised: " + neutralised);
    String panel = Files.readString(out.resolve("panel/panel_C2022_V1.csv"));
    assertTrue(panel.contains("\"'+Eulalie\"") && panel.contains("\"'@Brisemoulin\"")
        && panel.contains("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"BTS\"\")\""), panel);
  }

  @Test
  @Order(2)
  void everyFileAndFolderWrittenIsOwnerOnly() throws Exception {
    Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE);
    int checked = 0;
    for (Path root : List.of(Path.of(lakeRoot), out)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.toList()) {
          Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
          assertTrue(perms.stream().noneMatch(others::contains), p + " is " + perms);
          checked++;
        }
      }
    }
    assertTrue(checked > 100, "paths checked: " + checked);
  }

  @Test
  @Order(3)
  void everyFileWithPersonalDataIsRegisteredWithItsHash() throws Exception {
    Lake lake = new Lake(spark, lakeRoot);
    Map<String, Row> registered = lake.read(Table.NOMINATIVE_OUTPUTS).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("path"), r -> r));
    assertEquals(Set.of("panel", "call_list", "titles_to_code", "cfa_results", "validation_report",
        "respondent_extract"),
        registered.values().stream().map(r -> r.<String>getAs("kind")).collect(Collectors.toSet()));
    for (Row r : registered.values()) {
      Path file = Path.of(java.net.URI.create(r.getAs("path")));
      assertTrue(Files.exists(file), file.toString());
      assertEquals(r.<String>getAs("sha256"), java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))), file.toString());
    }
    List<String> values = HostileCampaign.nominativeValues();
    for (Path f : files(out)) {
      String content = text(f);
      boolean holdsPersonalData = values.stream().anyMatch(content::contains);
      if (holdsPersonalData) {
        assertTrue(registered.containsKey(f.toUri().toString().replace("file:///", "file:/")),
            f + " holds personal data but is not registered: " + registered.keySet());
      }
    }
  }

  @Test
  @Order(4)
  void cfaResultsCarryNamesButNoContactsByDefault() throws Exception {
    String results = PublishedText.of(out.resolve("publication/C2022_V1/cfa/" + HostileCampaign.CFA_A + "/resultats_"
        + HostileCampaign.CFA_A + "_C2022_V1.xlsx"));
    assertTrue(results.contains("Quesnoyard"), "names are what a CFA reads its results by");
    for (String contact : List.of("eulalie.quesnoyard@exemple.fr", "0611223344", "+33611223344", "COURRIEL", "TELEPHONE")) {
      assertFalse(results.contains(contact), contact);
    }
  }

  @Test
  @Order(5)
  void noPersonalValueReachedTheTerminalOrTheLogs() {
    assertTrue(terminal.length() > 200, "the commands spoke: " + terminal.length());
    for (String value : HostileCampaign.nominativeValues()) {
      assertFalse(terminal.toString().contains(value), "« " + value + " » printed or logged");
    }
  }

  @Test
  @Order(6)
  void aPurgeBeforeTheEndOfRetentionDeletesNothing() {
    assertEquals(0, devenir(spark("purge", "--as-of", "2026-10-31")), terminal.toString());
    assertTrue(Files.exists(out.resolve("panel/panel_C2022_V1.csv")));
    assertTrue(new Lake(spark, lakeRoot).read(Table.CONTACTS).count() > 0);
  }

  @Test
  @Order(7)
  void afterThePurgeNoPersonalValueIsLeftAnywhere() throws Exception {
    int before = terminal.length();
    assertEquals(0, devenir(spark("purge", "--as-of", "2026-11-01")), terminal.toString());
    String said = terminal.substring(before);
    assertTrue(said.contains("de silver.contacts") && said.contains("fichier supprimé :"), said);

    Lake lake = new Lake(spark, lakeRoot);
    List<Row> registered = lake.read(Table.NOMINATIVE_OUTPUTS).collectAsList();
    assertTrue(registered.size() >= 8, "registered: " + registered.size());
    for (Row r : registered) {
      assertEquals("deleted", r.getAs("purge_outcome"), r.<String>getAs("path"));
      assertTrue(r.getAs("purged_at") != null);
      assertFalse(Files.exists(Path.of(java.net.URI.create(r.getAs("path")))), r.<String>getAs("path"));
    }
    List<String> values = HostileCampaign.nominativeValues();
    int parquet = 0;
    for (Path f : files(Path.of(lakeRoot))) {
      String content = f.toString().endsWith(".parquet") ? decoded(f) : Files.readString(f, StandardCharsets.ISO_8859_1);
      parquet += f.toString().endsWith(".parquet") ? 1 : 0;
      for (String v : values) {
        assertFalse(content.contains(v), f + " still holds « " + v + " »");
      }
    }
    assertTrue(parquet > 20, "Parquet files decoded: " + parquet);
    for (Path f : files(out)) {
      String content = text(f);
      for (String v : values) {
        assertFalse(content.contains(v), f + " still holds « " + v + " »");
      }
    }
    List<Row> purgeLog = lake.read(Table.PURGE_LOG).collectAsList();
    assertTrue(purgeLog.stream().anyMatch(r -> r.getAs("table_name").equals("silver.nominative_outputs")
        && r.<Long>getAs("rows_deleted") == registered.size()), purgeLog.toString());
    assertTrue(purgeLog.stream().anyMatch(r -> r.getAs("table_name").equals("silver.contacts")
        && r.<Long>getAs("rows_deleted") == 5), purgeLog.toString());
  }

  @Test
  @Order(8)
  void timeTravelFindsNothingAndASecondPurgeDoesNothing() {
    Lake lake = new Lake(spark, lakeRoot);
    for (Table table : List.of(Table.CONTACTS, Table.BRONZE_LEAVER_ROWS, Table.BRONZE_SURVEY_ROWS)) {
      String old;
      try {
        old = lake.readVersion(table, 0).toJSON().collectAsList().toString();
      } catch (RuntimeException gone) {
        old = "";
      }
      for (String v : HostileCampaign.nominativeValues()) {
        assertFalse(old.contains(v), table.qualifiedName() + " version 0 holds « " + v + " »");
      }
    }
    long logRows = lake.read(Table.PURGE_LOG).count();
    int before = terminal.length();
    assertEquals(0, devenir(spark("purge", "--as-of", "2026-12-01")));
    assertTrue(terminal.substring(before).contains("Aucune donnée nominative à purger"), terminal.substring(before));
    assertEquals(logRows, lake.read(Table.PURGE_LOG).count());
  }

  /** What a reader finds in a file: a workbook's XML, a PDF's text, any other file's bytes. */
  private static String text(Path f) throws java.io.IOException {
    String name = f.getFileName().toString();
    return name.endsWith(".pdf") || name.endsWith(".xlsx") ? PublishedText.of(f)
        : Files.readString(f, StandardCharsets.ISO_8859_1);
  }

  /** Every value of a Parquet file, as Spark decodes it (data pages are compressed: bytes say nothing). */
  private String decoded(Path parquet) {
    return String.join("\n", spark.read().parquet(parquet.toString()).toJSON().collectAsList());
  }
}
