package fr.oref.devenir.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.stats.IndicatorCatalog;
import fr.oref.devenir.testing.SharedSpark;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import picocli.CommandLine;

/**
 * `devenir demo` on a small campaign (6 CFAs, 700 leavers), run once per test JVM for every class that
 * checks what it published, and what those checks compare with: gold.indicators at the manifest's version.
 */
final class DemoRun {
  static final String COHORT = "2022";
  static Path dir;
  static Path publication;
  static String output;
  static Lake lake;
  /** gold.indicators of wave 2 as published (at the manifest's version), by weighting|dimension|value|indicator. */
  static final Map<String, Row> published = new HashMap<>();
  static final Map<String, String> indicatorByLabel = new HashMap<>();
  static final Map<String, String> indicatorByDescription = new HashMap<>();

  private DemoRun() {}

  static synchronized void ensure() throws Exception {
    if (dir != null) {
      return;
    }
    Path root = temporaryFolder("devenir-demo");
    SharedSpark.session();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Devenir.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("demo", "--master", "local[2]", "--lake", root.resolve("lake").toString(), "--out",
        root.resolve("out").toString(), "--cohort", COHORT, "--cfas", "6", "--leavers", "700");
    output = out.toString();
    assertEquals(0, code, output + err);
    publication = root.resolve("out/publication/C2022_V2");
    lake = new Lake(SharedSpark.session(), root.resolve("lake").toString());
    long version = new com.fasterxml.jackson.databind.ObjectMapper().readTree(publication.resolve("manifest_C2022_V2.json")
        .toFile()).get("table_versions").get("gold.indicators").asLong(-1);
    for (Row r : lake.readVersion(Table.INDICATORS, version)
        .filter(col("cohort").equalTo(2022).and(col("wave").equalTo(2))).collectAsList()) {
      published.put(r.getAs("weighting") + "|" + r.getAs("dimension") + "|" + r.getAs("dimension_value") + "|"
          + r.getAs("indicator"), r);
    }
    for (IndicatorCatalog.Indicator i : IndicatorCatalog.published()) {
      indicatorByLabel.put(i.label(), i.name());
      indicatorByDescription.put(i.description(), i.name());
    }
    dir = root;
  }

  /** How a figure must read, worked here from the stored value, not by the publishing code. */
  static String expected(Row r) {
    if (Boolean.TRUE.equals(r.getAs("suppressed"))) {
      return "s";
    }
    Double v = r.getAs("value");
    if (v == null) {
      return "n.c.";
    }
    boolean months = IndicatorCatalog.MEDIAN.equals(r.getAs("indicator"));
    BigDecimal shown = new BigDecimal(v.toString()).scaleByPowerOfTen(months ? 0 : 2)
        .setScale(months ? 0 : 1, RoundingMode.HALF_EVEN);
    return shown.toPlainString().replace('.', ',') + (months ? " mois" : " %");
  }

  static Row gold(String weighting, String dimension, String value, String indicator) {
    Row r = published.get(weighting + "|" + dimension + "|" + value + "|" + indicator);
    assertNotNull(r, weighting + " " + dimension + "=" + value + " " + indicator + " is in gold.indicators");
    return r;
  }

  /** What identifies each CFA's leavers: its UAI and its sites', their ID_SEINE, surnames, e-mails and phones. */
  static Map<String, Set<String>> marksOfEachCfa() {
    Map<String, Set<String>> marks = new TreeMap<>();
    for (Row r : lake.read(Table.PANEL).filter(col("cohort").equalTo(2022).and(col("wave").equalTo(1)))
        .select("uai_cfa", "uai_site", "leaver_id").collectAsList()) {
      Set<String> of = marks.computeIfAbsent(r.getString(0), k -> new HashSet<>(Set.of(k)));
      of.add(r.getString(1));
      of.add(r.getString(2));
    }
    // names, e-mails and phones of each CFA's leavers (the scan forgives a mark the bundle's own CFA shares)
    for (Row r : lake.read(Table.CONTACTS).select("uai_cfa", "last_name", "email", "mobile").collectAsList()) {
      for (int i = 1; i < 4; i++) {
        if (r.get(i) != null && marks.containsKey(r.getString(0))) {
          marks.get(r.getString(0)).add(r.getString(i));
        }
      }
    }
    return marks;
  }

  /** A folder removed when the test JVM ends. */
  static Path temporaryFolder(String prefix) throws IOException {
    Path root = Files.createTempDirectory(prefix);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
    return root;
  }

  /** {@code from}'s files under {@code to} (returned), for a test that must not change what others read. */
  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    return to;
  }

  private static void delete(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // a temporary folder left behind is no test failure
    }
  }
}
