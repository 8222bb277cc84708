package fr.oref.devenir.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.LakeLock;
import fr.oref.devenir.testing.CliRun;
import fr.oref.devenir.testing.LakeContent;
import fr.oref.devenir.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two jobs on one lake at once: one waits for the other, nothing is lost, doubled, or failed with an English error. */
class ConcurrentRunsTest {
  @TempDir static Path dir;
  private static List<String> files;

  @BeforeAll
  static void sample() throws Exception {
    SharedSpark.session();
    assertEquals(0, CliRun.of("sample", "--out", dir.resolve("s").toString(), "--cohort", "2022", "--cfas", "3",
        "--leavers", "200", "--seed", "5").code());
    try (Stream<Path> s = Files.list(dir.resolve("s/leavers"))) {
      files = s.map(Path::toString).filter(f -> f.contains("sortants_C2022_")).sorted().limit(2).toList();
    }
  }

  private static String[] ingest(String lake, String reports, List<String> inputs) {
    List<String> args = new ArrayList<>(List.of("ingest-leavers", "--master", "local[2]", "--allow-demo-key", "--lake", lake, "--cohort", "2022",
        "--reports", reports));
    args.addAll(inputs);
    return args.toArray(String[]::new);
  }

  @Test
  void twoIngestsOfDifferentCfasStartedTogetherOnANewLakeBothSucceedAndLoseNothing() throws Exception {
    String lake = dir.resolve("together").toString();
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<CliRun>> runs = files.stream().map(f -> CompletableFuture.supplyAsync(() -> {
      try {
        go.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return CliRun.of(ingest(lake, dir.resolve("r-" + Path.of(f).getFileName()).toString(), List.of(f)));
    })).toList();
    go.countDown();
    for (CompletableFuture<CliRun> r : runs) {
      assertEquals(0, r.get().code(), r.get().out() + r.get().err());
      assertFalse(r.get().err().contains("Exception"), r.get().err());
    }

    String alone = dir.resolve("one-after-the-other").toString();
    assertEquals(0, CliRun.of(ingest(alone, dir.resolve("r-alone").toString(), files)).code());
    Lake together = new Lake(SharedSpark.session(), lake);
    Lake sequential = new Lake(SharedSpark.session(), alone);
    assertEquals(2, together.read(Table.LEAVERS).select("file_cfa").distinct().count(), "both CFAs are in the cohort");
    // one batch of two files against two batches of one: only the batch id and the run times differ
    Set<String> ignored = Set.of("batch_id", "ingested_at");
    for (Table t : List.of(Table.BRONZE_LEAVER_FILES, Table.BRONZE_LEAVER_ROWS, Table.LEAVERS, Table.CONTACTS,
        Table.REJECTIONS, Table.LEAVER_EXCLUSIONS)) {
      assertEquals(LakeContent.rows(sequential, t, ignored), LakeContent.rows(together, t, ignored),
          t.qualifiedName() + ": the same rows as one ingest of both files, none lost or doubled");
    }
    assertEquals(2, together.read(Table.INGEST_LOG).filter(col("status").equalTo("OK")).count());
  }

  @Test
  void aJobWaitsForTheLakeThenGivesUpWithAFrenchMessageAndReleasesItWhenItFails() throws Exception {
    String lake = dir.resolve("busy").toString();
    String[] panel = {"panel", "--master", "local[2]", "--allow-demo-key", "--lake", lake, "--cohort", "2022", "--wave", "1", "--out",
        dir.resolve("p").toString(), "--lock-timeout", "1"};
    try (LakeLock held = LakeLock.acquire(SharedSpark.session().sparkContext().hadoopConfiguration(), lake,
        "ingest-leavers", Duration.ZERO, m -> { })) {
      CliRun waited = CliRun.of(panel);
      assertEquals(1, waited.code());
      List<String> lines = waited.err().lines().toList();
      assertEquals(2, lines.size(), waited.err());
      assertTrue(lines.get(0).startsWith("Le lac est occupé par « ingest-leavers » (pid "), lines.get(0));
      assertTrue(lines.get(0).endsWith(" : attente de la fin de ce job (au plus 1 s)…"), lines.get(0));
      assertTrue(lines.get(1).startsWith("devenir panel : échec : Le lac " + lake + " est occupé par « ingest-leavers »"),
          lines.get(1));
    }
    CliRun failed = CliRun.of(panel);
    assertEquals(1, failed.code());
    assertTrue(failed.err().contains("lancez d'abord ingest-leavers"), "the job itself ran: " + failed.err());
    assertFalse(Files.exists(Path.of(lake, LakeLock.RELATIVE_PATH)), "the lock is released when the job fails");
  }
}
