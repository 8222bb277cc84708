package fr.oref.devenir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.privacy.Pseudonymizer;
import fr.oref.devenir.sample.SampleCampaign;
import fr.oref.devenir.testing.LocalCluster;
import fr.oref.devenir.testing.SharedSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign of a wave (init → ingest-leavers → panel → ingest-responses → close-wave → indicators →
 * publish) submitted by jobs/submit to a real standalone cluster (master and two workers in their own
 * JVMs), the shaded jar in client mode, inputs, lake and outputs on an S3-compatible server; then the
 * same campaign on the embedded Spark with local folders. Both lakes must hold the same tables: the
 * shaded jar, its relocations, what is serialised to executors and the paths all work on a cluster.
 */
class ClusterCampaignTest {
  private static final String COHORT = "2022";
  private static final String KEY = "cluster-campaign-test-key";
  private static final String EXPORT = "survey/export_C" + COHORT + "_V1.csv";
  /** Tables compared cell for cell (timestamps of the run aside); the others by row count. */
  private static final List<Table> COMPARED = List.of(Table.LEAVERS, Table.PANEL, Table.RESPONSES, Table.OUTCOMES,
      Table.WEIGHTS, Table.WEIGHTING, Table.INDICATORS);

  @TempDir static Path dir;
  private static LocalCluster cluster;
  private static final List<Integer> clusterCodes = new ArrayList<>();
  private static final List<Integer> embeddedCodes = new ArrayList<>();

  @BeforeAll
  static void runBothCampaigns() throws Exception {
    Path sample = dir.resolve("sample");
    SampleCampaign.write(sample, Integer.parseInt(COHORT), 3, 200, 42, new Pseudonymizer(KEY));
    Path overrides = Files.writeString(dir.resolve("overrides.csv"), "ID_SEINE;VAGUE;VARIABLE;VALEUR;MOTIF\n");
    cluster = LocalCluster.start(dir);
    try (Stream<Path> files = Files.walk(sample)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        cluster.put(f, "in/" + sample.relativize(f));
      }
    }
    cluster.put(overrides, "in/overrides.csv");
    runOnCluster();
    runEmbedded(sample, overrides);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static void runOnCluster() throws Exception {
    String lake = "lake=" + LocalCluster.s3a("lake");
    String out = LocalCluster.s3a("out");
    String[][] steps = {
        {"init", lake},
        {"ingest-leavers", lake, "cohort=" + COHORT, "reports=" + out + "/validation",
            "inputs=" + LocalCluster.s3a("in/leavers")},
        {"panel", lake, "cohort=" + COHORT, "wave=1", "out=" + out + "/panel-V1"},
        {"ingest-responses", lake, "cohort=" + COHORT, "wave=1", "calls=" + out + "/relances-V1",
            "export=" + LocalCluster.s3a("in/" + EXPORT)},
        {"close-wave", lake, "cohort=" + COHORT, "wave=1", "overrides=" + LocalCluster.s3a("in/overrides.csv"),
            "out=" + out},
        {"indicators", lake, "cohort=" + COHORT, "wave=1", "out=" + out + "/indicators_C" + COHORT + "_V1.csv"},
        {"publish", lake, "cohort=" + COHORT, "wave=1", "out=" + out + "/publication"}};
    for (String[] step : steps) {
      Path log = dir.resolve("submit-" + step[0] + ".log");
      int code = cluster.submit(log, Map.of(Pseudonymizer.KEY_ENV, KEY), step[0],
          Arrays.copyOfRange(step, 1, step.length));
      clusterCodes.add(code);
      assertTrue(code == 0 || code == 1 && step[0].equals("ingest-leavers"),
          "jobs/submit " + step[0] + " : code " + code + "\n" + tail(log));
    }
  }

  /** The same steps on the test JVM's embedded Spark, the key given as the Spark property a cluster would set. */
  private static void runEmbedded(Path sample, Path overrides) {
    String lake = dir.resolve("local-lake").toString();
    String out = dir.resolve("local-out").toString();
    String[][] steps = {
        {"init"},
        {"ingest-leavers", "--cohort", COHORT, "--reports", out + "/validation", sample.resolve("leavers").toString()},
        {"panel", "--cohort", COHORT, "--wave", "1", "--out", out + "/panel-V1"},
        {"ingest-responses", "--cohort", COHORT, "--wave", "1", "--calls", out + "/relances-V1",
            sample.resolve(EXPORT).toString()},
        {"close-wave", "--cohort", COHORT, "--wave", "1", "--overrides", overrides.toString(), "--out", out},
        {"indicators", "--cohort", COHORT, "--wave", "1", "--out", out + "/indicators_C" + COHORT + "_V1.csv"},
        {"publish", "--cohort", COHORT, "--wave", "1", "--out", out + "/publication"}};
    SparkSession spark = SharedSpark.session();
    try {
      for (String[] step : steps) {
        List<String> args = new ArrayList<>(List.of(step));
        args.addAll(1, List.of("--lake", lake, "--master", "local[2]", "--conf", Pseudonymizer.KEY_CONF + "=" + KEY));
        StringWriter output = new StringWriter();
        int code = execute(args, output);
        embeddedCodes.add(code);
        assertTrue(code == 0 || code == 1 && step[0].equals("ingest-leavers"), step[0] + " : " + output);
      }
    } finally {
      // the session is shared with the other test classes: they keep the demo key
      spark.conf().unset(Pseudonymizer.KEY_CONF);
    }
  }

  /** picocli's Devenir with both streams into one writer. */
  private static int execute(List<String> args, StringWriter output) {
    picocli.CommandLine cli = Devenir.commandLine();
    cli.setOut(new PrintWriter(output, true));
    cli.setErr(new PrintWriter(output, true));
    return cli.execute(args.toArray(String[]::new));
  }

  @Test
  void everyJobRanOnTheClusterAndEndedAsEmbedded() {
    assertEquals(embeddedCodes, clusterCodes);
    List<String> apps = cluster.completedApplications();
    assertEquals(7, apps.size(), "applications finished on the master: " + apps);
  }

  @Test
  void bothLakesHoldTheSameRowsInEveryTable() {
    Lake s3 = s3Lake();
    Lake local = new Lake(SharedSpark.session(), dir.resolve("local-lake").toString());
    for (Table t : Table.values()) {
      assertEquals(local.read(t).count(), s3.read(t).count(), t.qualifiedName() + " rows");
    }
    assertTrue(local.read(Table.INDICATORS).count() > 0, "the campaign computed indicators");
  }

  @Test
  void analysisTablesAreEqualCellForCell() {
    Lake s3 = s3Lake();
    Lake local = new Lake(SharedSpark.session(), dir.resolve("local-lake").toString());
    for (Table t : COMPARED) {
      Dataset<Row> expected = comparable(local.read(t), "(file:)?" + Pattern.quote(dir.resolve("sample") + "/"));
      Dataset<Row> actual = comparable(s3.read(t), Pattern.quote(LocalCluster.s3a("in/")));
      List<Row> missing = expected.exceptAll(actual).limit(3).collectAsList();
      List<Row> extra = actual.exceptAll(expected).limit(3).collectAsList();
      assertEquals(List.of(), missing, t.qualifiedName() + ": embedded rows not on the cluster, which has " + extra);
      assertEquals(List.of(), extra, t.qualifiedName() + ": cluster rows not embedded");
    }
  }

  /**
   * What two runs of one campaign share: not the run's own instants (when loaded, when closed), nor
   * where the inputs were read from (the same file names, below {@code inputRoot}), nor the last bits of
   * a double: sums over other partitions (4 on two executors, 2 embedded) add in another order.
   */
  private static Dataset<Row> comparable(Dataset<Row> table, String inputRoot) {
    return table.select(Arrays.stream(table.schema().fields()).filter(f -> !(f.dataType() instanceof TimestampType))
        .map(f -> f.dataType() instanceof StringType
            ? functions.regexp_replace(functions.col(f.name()), "^" + inputRoot, "").as(f.name())
            : f.dataType() instanceof DoubleType ? functions.round(functions.col(f.name()), 9).as(f.name())
            : functions.col(f.name()))
        .toArray(Column[]::new));
  }

  /** The cluster's lake, read by the test JVM with the cluster's s3a settings. */
  private static Lake s3Lake() {
    SparkSession spark = SharedSpark.session();
    cluster.hadoopSettings().forEach(spark.sparkContext().hadoopConfiguration()::set);
    return new Lake(spark, LocalCluster.s3a("lake"));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.contains(" INFO ")).toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(" + log + " illisible)";
    }
  }
}
