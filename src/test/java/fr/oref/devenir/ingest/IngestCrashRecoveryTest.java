package fr.oref.devenir.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.campaign.IngestLeaversStep;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.privacy.Pseudonymizer;
import fr.oref.devenir.testing.SharedSpark;
import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed between its bronze writes, simulated by putting the lake in the state the kill
 * leaves: the rerun of the same command must give the uninterrupted run's tables back.
 */
class IngestCrashRecoveryTest {
  @Test
  void aRerunAfterAKillBetweenTheRowsAndTheFileRecordsRestoresTheCohort(@TempDir Path dir) throws Exception {
    SparkSession spark = SharedSpark.session();
    Lake lake = new Lake(spark, dir.resolve("lake").toString());
    Path in = Files.createDirectories(dir.resolve("in"));
    Workbooks.write(in.resolve("sortants_A.xlsx"), "Sortants", IngestLeaversJobTest.fileA(true));
    Files.writeString(in.resolve("vide.csv"), "");

    IngestLeaversStep.Result first = ingest(spark, lake, in);
    String leavers = content(lake);
    assertTrue(first.counts().kept() > 0, first.counts().toString());

    // killed after the rows' commit, before the file records' one: the rows are there, their file unknown
    DeltaTable.forPath(spark, lake.path(Table.BRONZE_LEAVER_FILES)).delete(col("cohort").equalTo(2022));
    IngestLeaversStep.Result afterRowsOnly = ingest(spark, lake, in);
    assertEquals(2, afterRowsOnly.batch().newFiles(), "both files are read again");
    assertEquals(first.counts(), afterRowsOnly.counts());
    assertEquals(leavers, content(lake));
    assertEquals(5, lake.read(Table.BRONZE_LEAVER_ROWS).count(), "rows written over, not twice");

    // the state the earlier order left: file records without their rows (silver.leavers went to 0)
    DeltaTable.forPath(spark, lake.path(Table.BRONZE_LEAVER_ROWS)).delete(col("cohort").equalTo(2022));
    IngestLeaversStep.Result afterRecordsOnly = ingest(spark, lake, in);
    assertEquals(1, afterRecordsOnly.batch().newFiles(), "the file whose rows are missing is read again; the empty one is known");
    assertEquals(first.counts(), afterRecordsOnly.counts());
    assertEquals(leavers, content(lake));
    assertEquals(2, lake.read(Table.BRONZE_LEAVER_FILES).count());
  }

  private static IngestLeaversStep.Result ingest(SparkSession spark, Lake lake, Path in) throws Exception {
    return IngestLeaversStep.run(spark, lake.root(), 2022, List.of(in.toString()),
        new Pseudonymizer("a-test-key-of-sixteen-chars"), ReadLimits.DEFAULT, null);
  }

  private static String content(Lake lake) {
    return lake.read(Table.LEAVERS).collectAsList().stream()
        .map(Object::toString).sorted().collect(Collectors.joining("\n"));
  }
}
