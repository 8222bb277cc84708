package fr.oref.devenir.privacy;

import static fr.oref.devenir.privacy.HostileCampaign.COHORT;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.testing.CliRun;
import fr.oref.devenir.testing.SharedSpark;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The purge cannot be undone, so it is checked where a purged value could still hide: every earlier
 * version of each nominative table (Delta time travel), and every file under the table's folder (its
 * Parquet files read directly, and the raw bytes of all of them, log included). Each check is first
 * shown to find the values before the purge, so none passes for want of data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PurgeTest {
  private static final LocalDate AS_OF = PurgeJob.retentionEnd(COHORT).plusDays(1);
  private final List<String> values = HostileCampaign.nominativeValues();
  private String lakeRoot;
  private SparkSession spark;
  private Lake lake;
  private List<Table> nominative;
  /** The cohort's rows in each nominative table just before the purge. */
  private final Map<Table, Long> rowsBefore = new LinkedHashMap<>();
  private CliRun purge;

  @BeforeAll
  void campaignThenPurge(@TempDir Path dir) throws Exception {
    spark = SharedSpark.session();
    lakeRoot = dir.resolve("lake").toString();
    lake = new Lake(spark, lakeRoot);
    Path in = dir.resolve("in");
    HostileCampaign.writeLeavers(in);
    String c = String.valueOf(COHORT);
    // one CFA, then both: the history holds a version the current one replaced
    run("ingest-leavers", "--cohort", c, "--reports", dir.resolve("reports").toString(),
        in.resolve("sortants_" + HostileCampaign.CFA_A + ".csv").toString());
    run("ingest-leavers", "--cohort", c, "--reports", dir.resolve("reports").toString(), in.toString());
    run("panel", "--cohort", c, "--wave", "1", "--out", dir.resolve("panel").toString());
    // a free text that names someone: what makes bronze.survey_rows nominative
    Path export = Files.writeString(dir.resolve("export.csv"), "ID_SEINE;STATUT;SITUATION;SITUATION_AUTRE\n"
        + HostileCampaign.idsFromPanel(dir.resolve("panel/panel_C2022_V1.csv")).get("Quesnoyard")
        + ";Complet;6;garde les enfants de Mme Trouvecoeur\n");
    run("ingest-responses", "--cohort", c, "--wave", "1", export.toString());

    nominative = Arrays.stream(Table.values()).filter(Table::nominative).toList();
    StringBuilder before = new StringBuilder();
    for (Table t : nominative) {
      rowsBefore.put(t, lake.read(t).filter(col("cohort").equalTo(COHORT)).count());
      assertTrue(rowsBefore.get(t) > 0, t.qualifiedName() + " holds the cohort before the purge");
      assertFalse(history(t).isEmpty(), t.qualifiedName() + ": time travel finds the cohort before the purge");
      assertFalse(parquetRows(t).isEmpty(), t.qualifiedName() + ": its Parquet files hold the cohort");
      assertFalse(found(rawBytes(t)).isEmpty(), t.qualifiedName() + ": its bytes show values, compressed as they are");
      before.append(history(t)).append(rawBytes(t));
    }
    // every value as the CFA wrote it (a rejected row's phone never takes its international form)
    List<String> asWritten = values.stream().filter(v -> !v.startsWith("+")).toList();
    assertEquals(asWritten, found(before.toString()).stream().filter(asWritten::contains).toList(),
        "every value is in the lake before the purge");
    purge = CliRun.of(spark("purge", "--as-of", AS_OF.toString()));
    assertEquals(0, purge.code(), purge.out() + purge.err());
  }

  @Test
  @Order(1)
  void noVersionOfANominativeTableHoldsAPurgedRow() {
    for (Table t : nominative) {
      List<String> rows = history(t);
      assertEquals(List.of(), rows, t.qualifiedName() + " through time travel");
      assertEquals(List.of(), found(lake.read(t).toJSON().collectAsList().toString()), t.qualifiedName());
    }
  }

  @Test
  @Order(2)
  void noFileUnderANominativeTableHoldsAPurgedValue() throws Exception {
    for (Table t : nominative) {
      assertEquals(List.of(), parquetRows(t), t.qualifiedName() + ": its Parquet files, decoded");
      assertEquals(List.of(), found(rawBytes(t)), t.qualifiedName() + ": its files, byte by byte");
    }
  }

  @Test
  @Order(3)
  void thePurgeLogHasOneRowPerTableWithWhatWasDeleted() {
    Map<String, Row> log = new LinkedHashMap<>();
    lake.read(Table.PURGE_LOG).filter(col("cohort").equalTo(COHORT)).collectAsList()
        .forEach(r -> log.put(r.getAs("table_name"), r));
    for (Table t : nominative) {
      Row r = log.get(t.qualifiedName());
      assertTrue(r != null, t.qualifiedName() + " in " + log.keySet());
      assertEquals(rowsBefore.get(t), r.<Long>getAs("rows_deleted"), t.qualifiedName());
      assertEquals(AS_OF, r.<java.sql.Date>getAs("as_of").toLocalDate());
      assertEquals(PurgeJob.retentionEnd(COHORT), r.<java.sql.Date>getAs("retention_end").toLocalDate());
    }
    assertTrue(purge.out().contains(rowsBefore.get(Table.CONTACTS) + " lignes supprimé(e)s de silver.contacts"),
        purge.out());
  }

  @Test
  @Order(4)
  void aSecondPurgeCommitsNothingAndLogsNothing() {
    Map<Table, Long> versions = versions();
    List<String> log = lake.read(Table.PURGE_LOG).toJSON().collectAsList();
    CliRun again = CliRun.of(spark("purge", "--as-of", AS_OF.plusMonths(1).toString()));
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("Aucune donnée nominative à purger"), again.out());
    assertEquals(versions, versions(), "no table has a new commit");
    assertEquals(log, lake.read(Table.PURGE_LOG).toJSON().collectAsList());
  }

  private void run(String command, String... args) {
    CliRun r = CliRun.of(spark(command, args));
    assertEquals(0, r.code(), command + ": " + r.out() + r.err());
  }

  private String[] spark(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--master", "local[2]", "--allow-demo-key", "--lake", lakeRoot));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  /** The nominative values found in a text. */
  private List<String> found(String text) {
    return values.stream().filter(text::contains).toList();
  }

  /**
   * The cohort's rows in every version of the table, as time travel reads them. A version whose files
   * the purge vacuumed cannot be read at all, which is what a purge wants; any other failure is one.
   */
  private List<String> history(Table t) {
    List<String> rows = new ArrayList<>();
    for (long v = 0; v <= lake.version(t); v++) {
      try {
        rows.addAll(lake.readVersion(t, v).filter(col("cohort").equalTo(COHORT)).toJSON().collectAsList());
      } catch (Exception e) {
        assertTrue(missingFile(e), t.qualifiedName() + " version " + v + ": " + e);
      }
    }
    return rows;
  }

  private static boolean missingFile(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof FileNotFoundException || String.valueOf(c.getMessage()).contains("FILE_NOT_EXIST")) {
        return true;
      }
    }
    return false;
  }

  /** The cohort's rows in the data files under the table's folder, read as Parquet (no Delta log to hide a row). */
  private List<String> parquetRows(Table t) throws Exception {
    List<String> rows = new ArrayList<>();
    for (Path f : files(t)) {
      if (f.toString().endsWith(".parquet") && !f.toString().contains("_delta_log")) {
        rows.addAll(spark.read().parquet(f.toString()).filter(col("cohort").equalTo(COHORT)).toJSON().collectAsList());
      }
    }
    return rows;
  }

  /** Every file under the table's folder (data, deletion vectors, log, checkpoints), as raw bytes. */
  private String rawBytes(Table t) throws Exception {
    StringBuilder all = new StringBuilder();
    for (Path f : files(t)) {
      all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
    }
    return all.toString();
  }

  private List<Path> files(Table t) throws Exception {
    try (Stream<Path> walk = Files.walk(Path.of(lake.path(t).replaceFirst("^file:", "")))) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private Map<Table, Long> versions() {
    Map<Table, Long> versions = new LinkedHashMap<>();
    Arrays.stream(Table.values()).forEach(t -> versions.put(t, lake.version(t)));
    return versions;
  }
}
