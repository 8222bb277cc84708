package fr.oref.devenir.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.campaign.IngestLeaversStep;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.privacy.Pseudonymizer;
import fr.oref.devenir.testing.SharedSpark;
import fr.oref.devenir.values.Uai;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** One lake through a CFA's life: first files, the same batch again, then a corrected file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestLeaversJobTest {
  static final int COHORT = 2022;
  static final String CFA_A = Uai.of("0141300");
  static final String CFA_B = Uai.of("0500001");
  static final String SITE = Uai.of("0141601");
  static final List<Object> HEADER = List.of("UAI CFA responsable", "UAI lieu de formation", "Nom", "Prénom", "Sexe",
      "Date de naissance", "Code postal", "Courriel", "Téléphone portable", "Code diplôme", "Code RNCP",
      "Intitulé de la formation", "Date de début de formation", "Date de fin de formation", "Redoublant",
      "Diplôme obtenu");

  Path dir;
  SparkSession spark;
  Lake lake;
  final Pseudonymizer pseudonymizer = new Pseudonymizer("a-test-key-of-sixteen-chars");

  static List<Object> leaver(String cfa, String last, String first, String birth, String mobile, String cfd,
      String repeating, String diploma) {
    return Arrays.asList(cfa, SITE, last, first, "F", birth, "14000", null, mobile, cfd, "RNCP37537",
        "CAP Boulanger", LocalDate.of(2020, 9, 1), LocalDate.of(2022, 6, 30), repeating, diploma);
  }

  static List<List<Object>> fileA(boolean corrected) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(HEADER);
    rows.add(leaver(CFA_A, "Martin", "Léa", "14/03/2003", "0612345678", "50022137", "Non", corrected ? "Oui" : "Non"));
    rows.add(leaver(CFA_A.substring(0, 7) + (CFA_A.charAt(7) == 'A' ? 'B' : 'A'), "Durand", "Paul", "02/05/2002",
        "0612345679", "50022137", "Non", "Oui"));
    rows.add(leaver(CFA_A, "Petit", "Zoé", "20/11/2003", "0612345670", "50022137", "Oui", "Non"));
    rows.add(leaver(CFA_A, "MARTIN", "Lea", "14/03/2003", "0698765432", "50022137", "Non", "Non"));
    if (!corrected) {
      rows.add(leaver(CFA_A, "Leroy", "Inès", "01/01/2004", "0612", "50022137", "Non", "Inconnu"));
    } else {
      rows.add(leaver(CFA_A, "Moreau", "Hugo", "05/06/2003", "0611223344", "50022137", "Non", "Oui"));
    }
    return rows;
  }

  @BeforeAll
  void lake(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    spark = SharedSpark.session();
    lake = new Lake(spark, dir.resolve("lake").toString());
    Path in = Files.createDirectories(dir.resolve("in"));
    Workbooks.write(in.resolve("sortants_A.xlsx"), "Sortants", fileA(false));
    Files.writeString(in.resolve("sortants_B.csv"), String.join("\n",
        HEADER.stream().map(Object::toString).collect(Collectors.joining(";")),
        CFA_B + ";" + SITE + ";Bernard;Noé;M;12/12/2002;76000;noe@exemple.fr;;50022137;RNCP37537;CAP;01/09/2020;30/06/2022;Non;Oui",
        CFA_B + ";" + SITE + ";Roux;Jade;F;2003-04-04;76000;;0734567890;50022137;37537;CAP;01/09/2020;30/06/2022;Non;Non"),
        StandardCharsets.UTF_8);
    Files.createFile(in.resolve("vide.xlsx"));
    Files.writeString(in.resolve("faux.xlsx"), "pas un classeur");
  }

  private IngestLeaversStep.Result ingest(String... paths) throws Exception {
    return IngestLeaversStep.run(spark, lake.root(), COHORT, List.of(paths), pseudonymizer,
        ReadLimits.DEFAULT, dir.resolve("reports").toString());
  }

  private Map<String, Row> logByFile() {
    return lake.read(Table.INGEST_LOG).collectAsList().stream()
        .collect(Collectors.toMap(r -> Path.of(r.<String>getAs("source_file")).getFileName().toString()
            + "@" + r.getAs("batch_id"), r -> r));
  }

  private Row logOf(String file) {
    return lake.read(Table.INGEST_LOG).collectAsList().stream()
        .filter(r -> r.<String>getAs("source_file").endsWith(file)).findFirst().orElseThrow();
  }

  @Test
  @Order(1)
  void everyRowEndsInExactlyOnePlaceAndBadFilesAreLogged() throws Exception {
    spark.catalog().clearCache();
    IngestLeaversStep.Result r = ingest(dir.resolve("in").toString());
    // what a run caches it drops: one driver runs the whole demo (and the tests), and would fill up
    assertTrue(spark.sharedState().cacheManager().isEmpty(), "an ingest left data cached in the session");
    assertEquals(4, r.batch().files());
    assertTrue(r.counts().balanced(), r.counts().toString());
    assertEquals(7, r.counts().read());
    assertEquals(4, r.counts().kept());

    Row a = logOf("sortants_A.xlsx");
    assertEquals("OK", a.getAs("status"));
    assertEquals(5, (int) a.getAs("rows_read"));
    assertEquals(2, (int) a.getAs("rows_kept"));
    assertEquals(1, (int) a.getAs("rows_excluded"));
    assertEquals(1, (int) a.getAs("rows_duplicates"));
    assertEquals(1, (int) a.getAs("rows_rejected"));
    assertEquals(1, (int) a.getAs("rows_warned"), "the invalid phone is a warning");
    assertEquals(2, (int) a.getAs("rows_added"));
    for (Row file : lake.read(Table.INGEST_LOG).collectAsList()) {
      int read = file.getAs("rows_read");
      assertEquals(read, (int) file.getAs("rows_kept") + (int) file.getAs("rows_excluded")
          + (int) file.getAs("rows_duplicates") + (int) file.getAs("rows_rejected"), file.toString());
    }
    assertEquals("FAILED", logOf("vide.xlsx").getAs("status"));
    assertEquals("Le fichier est vide.", logOf("vide.xlsx").getAs("error"));
    assertEquals("FAILED", logOf("faux.xlsx").getAs("status"));
  }

  @Test
  @Order(2)
  void theCohortHoldsTheKeptRowsAsTheFilesSaidThem() {
    // A: row 2 Martin (kept), 3 bad UAI, 4 repeater, 5 Martin again, 6 Leroy (two warnings: a bad phone, and so
    // neither e-mail nor mobile); B: both kept
    Dataset<Row> expected = SharedSpark.expected(Table.LEAVERS, List.of("uai_cfa", "row_number", "sex", "department",
        "level", "rncp", "diploma_obtained", "has_email", "has_mobile", "warnings"),
        new Object[] {CFA_A, 2, "F", "14", "3", "RNCP37537", "NO", false, true, 0},
        new Object[] {CFA_A, 6, "F", "14", "3", "RNCP37537", "UNKNOWN", false, false, 2},
        new Object[] {CFA_B, 2, "M", "14", "3", "RNCP37537", "YES", true, false, 0},
        new Object[] {CFA_B, 3, "F", "14", "3", "RNCP37537", "NO", false, true, 0});
    SharedSpark.assertSameRows(expected, SharedSpark.actual(lake.read(Table.LEAVERS), expected));
  }

  @Test
  @Order(2)
  void rejectionsNameFileSheetRowAndColumnInFrench() {
    List<Row> errors = lake.read(Table.REJECTIONS).filter(col("severity").equalTo("ERROR")).collectAsList();
    assertEquals(1, errors.size());
    Row e = errors.get(0);
    assertTrue(e.<String>getAs("source_file").endsWith("sortants_A.xlsx"));
    assertEquals("Sortants", e.getAs("sheet"));
    assertEquals(3, (int) e.getAs("row_number"));
    assertEquals("UAI CFA responsable", e.getAs("column_name"));
    assertTrue(e.<String>getAs("message").contains("lettre de contrôle"), e.<String>getAs("message"));

    Row dup = lake.read(Table.LEAVER_EXCLUSIONS).filter(col("reason").equalTo("DUPLICATE")).first();
    assertEquals(5, (int) dup.getAs("row_number"));
    assertEquals(2, (int) dup.getAs("kept_row_number"));
  }

  @Test
  @Order(2)
  void eachCfaGetsAReportOfItsOwnAnomalies() throws Exception {
    Path report = dir.resolve("reports/validation_C2022_" + CFA_A + ".xlsx");
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(report))) {
      var synthesis = wb.getSheet("Synthèse");
      assertTrue(synthesis.getRow(2).getCell(0).getStringCellValue().contains("18 novembre 2022"));
      assertEquals("sortants_A.xlsx", synthesis.getRow(5).getCell(0).getStringCellValue());
      assertEquals(5, synthesis.getRow(5).getCell(2).getNumericCellValue(), "rows read");
      assertEquals(1, synthesis.getRow(5).getCell(7).getNumericCellValue(), "rows rejected");
      var anomalies = wb.getSheet("Anomalies");
      var first = anomalies.getRow(1);
      assertEquals("ERREUR", first.getCell(4).getStringCellValue(), "errors come first");
      assertEquals(3, first.getCell(2).getNumericCellValue());
      assertEquals("UAI CFA responsable", first.getCell(3).getStringCellValue());
      StringBuilder all = new StringBuilder();
      anomalies.forEach(r -> r.forEach(c -> all.append(c.toString()).append(' ')));
      assertFalse(all.toString().contains("sortants_B"), "nothing about another CFA");
    }
    assertTrue(Files.exists(dir.resolve("reports/synthese_C2022.xlsx")));
    assertTrue(Files.exists(dir.resolve("reports/validation_C2022_vide.xlsx.xlsx")), "a failed file gets its report too");
  }

  @Test
  @Order(3)
  void analysisTablesHoldNoNominativeDataAndContactsAreApart() {
    List<String> leaverColumns = Arrays.asList(lake.read(Table.LEAVERS).columns());
    for (String personal : List.of("last_name", "first_name", "ine", "email", "mobile", "birth_date", "address")) {
      assertFalse(leaverColumns.contains(personal), personal);
    }
    assertEquals(4, lake.read(Table.CONTACTS).count());
    Row contact = lake.read(Table.CONTACTS).filter(col("last_name").equalTo("Roux")).first();
    assertEquals("+33734567890", contact.getAs("mobile"));
    Row leaver = lake.read(Table.LEAVERS).filter(col("leaver_key").equalTo(contact.<String>getAs("leaver_key"))).first();
    assertEquals("RNCP37537", leaver.getAs("rncp"), "a bare RNCP number is normalised");
    assertEquals("3", leaver.getAs("level"), "CFD 500… is a CAP, RNCP level 3");
    assertEquals("14", leaver.getAs("department"));
  }

  @Test
  @Order(4)
  void everyTableMatchesItsContract() {
    for (Table table : List.of(Table.BRONZE_LEAVER_FILES, Table.BRONZE_LEAVER_ROWS, Table.LEAVERS, Table.CONTACTS,
        Table.REJECTIONS, Table.LEAVER_EXCLUSIONS, Table.INGEST_LOG)) {
      assertEquals(Lake.shape(table.schema()),
          Lake.shape(spark.read().format("delta").load(lake.path(table)).schema()), table.qualifiedName());
    }
  }

  private List<String> contents(Table table) {
    Dataset<Row> t = lake.read(table);
    return t.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  @Order(5)
  void theSameBatchTwiceChangesNothing() throws Exception {
    List<Table> tables = List.of(Table.BRONZE_LEAVER_FILES, Table.BRONZE_LEAVER_ROWS, Table.LEAVERS, Table.CONTACTS,
        Table.REJECTIONS, Table.LEAVER_EXCLUSIONS, Table.INGEST_LOG);
    List<List<String>> before = tables.stream().map(this::contents).toList();
    IngestLeaversStep.Result r = ingest(dir.resolve("in").toString());
    assertEquals(0, r.batch().newFiles());
    assertEquals(before, tables.stream().map(this::contents).toList());
  }

  private Row idOfMartin() {
    return lake.read(Table.CONTACTS).filter(col("last_name").equalTo("Martin")).select("leaver_key")
        .join(lake.read(Table.LEAVERS), "leaver_key").select("leaver_key", "leaver_id").first();
  }

  @Test
  @Order(6)
  void aCorrectedFileReplacesItsCfaRowsAndTheOldVersionStaysReadable() throws Exception {
    long versionBefore = lake.version(Table.LEAVERS);
    Row martinBefore = idOfMartin();
    Path corrected = Workbooks.write(Files.createDirectories(dir.resolve("v2")).resolve("sortants_A_v2.xlsx"),
        "Sortants", fileA(true));
    ingest(corrected.toString());

    Row log = logOf("sortants_A_v2.xlsx");
    assertEquals(1, (int) log.getAs("rows_added"));
    assertEquals(1, (int) log.getAs("rows_removed"));
    assertEquals(1, (int) log.getAs("rows_changed"));
    List<String> nowA = lake.read(Table.CONTACTS).filter(col("uai_cfa").equalTo(CFA_A))
        .select("last_name").as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream().sorted().toList();
    assertEquals(List.of("Martin", "Moreau"), nowA);
    assertEquals(martinBefore, idOfMartin(), "Martin, corrected, keeps the same leaver key and ID_SEINE");
    assertEquals(2, lake.read(Table.LEAVERS).filter(col("uai_cfa").equalTo(CFA_B)).count(), "CFA B untouched");
    assertEquals(4, lake.readVersion(Table.LEAVERS, versionBefore).count(), "the earlier state stays readable");
    assertEquals(1, lake.read(Table.REJECTIONS).filter(col("severity").equalTo("ERROR")).count());
    assertFalse(logByFile().isEmpty());
  }
}
