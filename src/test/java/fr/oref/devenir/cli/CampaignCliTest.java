package fr.oref.devenir.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.testing.CliRun;
import fr.oref.devenir.testing.SharedSpark;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as people and Airflow use it, on a small synthetic campaign. */
class CampaignCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int devenir(String... args) {
    CliRun run = CliRun.of(args);
    out.append(run.out());
    err.append(run.err());
    return run.code();
  }

  @Test
  void badUsageIsTwoAndFailureIsOneWithAReason(@TempDir Path dir) {
    assertEquals(2, devenir("ingest-leavers"));
    assertTrue(err.toString().contains("--cohort"), err.toString());
    assertEquals(2, devenir("no-such-command"));
    assertEquals(1, devenir("panel", "--master", "local[2]", "--allow-demo-key", "--lake", dir.resolve("lake").toString(), "--cohort",
        "2022", "--wave", "1", "--out", dir.resolve("p").toString()));
    assertTrue(err.toString().contains("lancez d'abord ingest-leavers"), err.toString());
    assertEquals(0, devenir("template", "--help"));
  }

  @Test
  void theSampleCampaignBalancesFileByFile(@TempDir Path dir) throws Exception {
    String lake = dir.resolve("lake").toString();
    SharedSpark.session();
    assertEquals(0, devenir("sample", "--out", dir.resolve("s").toString(), "--cohort", "2022", "--cfas", "8",
        "--leavers", "600", "--seed", "3"));
    assertEquals(1, devenir("ingest-leavers", "--master", "local[2]", "--allow-demo-key", "--lake", lake, "--cohort", "2022",
        "--reports", dir.resolve("r").toString(), dir.resolve("s/leavers").toString()), err.toString());
    assertTrue(out.toString().contains("11 fichier(s) lu(s)"), out.toString());
    assertTrue(err.toString().contains("Fichier refusé : sortants_vide.xlsx — Le fichier est vide."), err.toString());
    assertTrue(!out.toString().contains("NON ÉQUILIBRÉ"), out.toString());

    Lake l = new Lake(SharedSpark.session(), lake);
    Map<String, Row> log = l.read(Table.INGEST_LOG).collectAsList().stream()
        .collect(Collectors.toMap(r -> Path.of(r.<String>getAs("source_file")).getFileName().toString(), r -> r));
    Map<String, Integer> written = Files.readAllLines(dir.resolve("s/manifest-summary.csv")).stream().skip(1)
        .map(line -> line.split(";")).collect(Collectors.toMap(f -> f[0], f -> Integer.parseInt(f[2])));
    for (Map.Entry<String, Integer> file : written.entrySet()) {
      Row r = log.get(file.getKey());
      assertEquals(file.getValue(), r.<Integer>getAs("rows_read"), file.getKey() + ": every row written is read");
      assertEquals((int) r.getAs("rows_read"), (int) r.getAs("rows_kept") + (int) r.getAs("rows_excluded")
          + (int) r.getAs("rows_duplicates") + (int) r.getAs("rows_rejected"), file.getKey());
    }
    for (String bad : new String[] {"sortants_vide.xlsx", "sortants_export.xlsx", "sortants_protege.xlsx"}) {
      assertEquals("FAILED", log.get(bad).getAs("status"), bad);
    }
    long kept = l.read(Table.LEAVERS).count();
    long excluded = l.read(Table.LEAVER_EXCLUSIONS).count();
    long rejected = l.read(Table.REJECTIONS).filter(col("severity").equalTo("ERROR"))
        .select("source_file", "row_number").distinct().count();
    assertEquals(written.values().stream().mapToInt(Integer::intValue).sum(), kept + excluded + rejected,
        "the balance law over the whole campaign");
    assertTrue(Files.list(dir.resolve("r")).count() >= 9, "a report per file owner and the summary");
  }
}
