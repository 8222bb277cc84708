package fr.oref.devenir.ingest;

import static fr.oref.devenir.ingest.IngestLeaversJobTest.HEADER;
import static fr.oref.devenir.ingest.IngestLeaversJobTest.leaver;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.cli.Devenir;
import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.testing.SharedSpark;
import fr.oref.devenir.values.Uai;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Seeded mutants of valid files: each is read whole (every row it gives is counted) or refused with
 * a French reason, never a crash nor a hang. Most go through the reader alone; two batches go
 * through the command and the job, where a refused file must change no data table.
 */
class LeaverFuzzTest {
  private static final long SEED = 20_221_118L;
  private static final int XLSX_MUTANTS = 150;
  private static final int CSV_MUTANTS = 100;
  private static final ReadLimits LIMITS = new ReadLimits(10L << 20, Duration.ofSeconds(20));

  @TempDir Path dir;

  /** What the reader made of one mutant. */
  private record Outcome(Path file, FileSummary summary) {}

  static void assertFrenchReason(String reason) {
    assertTrue(reason != null && !reason.isBlank(), "a reason");
    assertFalse(reason.contains("\n") || reason.contains("Exception") || reason.contains("java."), reason);
    assertTrue(reason.length() < 500, reason);
    assertTrue(reason.matches("(?s).*([éèàêç«»]|\\b(le|la|les|de|du|fichier)\\b).*"), "French: " + reason);
  }

  @Test
  void everyMutantIsReadWholeOrRefusedInFrenchAndRefusedOnesChangeNoTable() throws Exception {
    List<Outcome> outcomes = readMutants();
    long refused = outcomes.stream().filter(o -> !o.summary().ok()).count();
    assertTrue(refused > 20 && refused < outcomes.size(), "the mutants exercise both ways: " + refused);

    Path batch = Files.createDirectories(dir.resolve("batch1"));
    Files.writeString(batch.resolve("valide.csv"), validCsv(), StandardCharsets.UTF_8);
    for (Outcome o : outcomes.subList(0, 12)) {
      Files.copy(o.file(), batch.resolve(o.file().getFileName()));
    }
    String lake = dir.resolve("lake").toString();
    StringWriter err = new StringWriter();
    int code = devenir(err, "ingest-leavers", "--master", "local[2]", "--allow-demo-key", "--lake", lake, "--cohort", "2022",
        "--max-parse-seconds", "20", "--reports", dir.resolve("reports").toString(), batch.toString());
    boolean anyRefused = outcomes.subList(0, 12).stream().anyMatch(o -> !o.summary().ok());
    assertEquals(anyRefused ? 1 : 0, code, err.toString());
    assertFalse(err.toString().contains("\tat "), err.toString());

    Lake l = new Lake(SharedSpark.session(), lake);
    for (Row f : l.read(Table.INGEST_LOG).collectAsList()) {
      int read = f.getAs("rows_read");
      assertEquals(read, (int) f.getAs("rows_kept") + (int) f.getAs("rows_excluded")
          + (int) f.getAs("rows_duplicates") + (int) f.getAs("rows_rejected"), "balance of " + f);
      if (!"OK".equals(f.getAs("status"))) {
        assertFrenchReason(f.getAs("error"));
        assertEquals(0, l.read(Table.BRONZE_LEAVER_ROWS).filter(col("file_hash").equalTo(f.<String>getAs("file_hash")))
            .count(), "a refused file has no row in bronze");
      }
    }

    // a batch of refused files only: no data table changes
    Path refusedOnly = Files.createDirectories(dir.resolve("batch2"));
    outcomes.subList(12, outcomes.size()).stream().filter(o -> !o.summary().ok()).limit(6)
        .forEach(o -> copy(o.file(), refusedOnly));
    List<String> before = dataContents(l);
    StringWriter err2 = new StringWriter();
    assertEquals(1, devenir(err2, "ingest-leavers", "--master", "local[2]", "--allow-demo-key", "--lake", lake, "--cohort", "2022",
        "--max-parse-seconds", "20", "--reports", dir.resolve("reports").toString(), refusedOnly.toString()));
    List<String> refusals = err2.toString().lines().filter(line -> line.startsWith("Fichier refusé : ")).toList();
    assertEquals(6, refusals.size(), err2.toString());
    refusals.forEach(line -> assertFrenchReason(line.substring(line.indexOf(" — ") + 3)));
    assertEquals(before, dataContents(l));
  }

  private static int devenir(StringWriter err, String... args) {
    CommandLine cli = Devenir.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private List<Outcome> readMutants() throws Exception {
    Path mutants = Files.createDirectories(dir.resolve("mutants"));
    byte[] xlsx = Files.readAllBytes(Workbooks.write(dir.resolve("valide.xlsx"), "Sortants", leavers()));
    String csv = validCsv();
    Mutants mutate = new Mutants(SEED);
    LeaverFileReader reader = new LeaverFileReader(LeaverFileContract.get(), LIMITS);
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < XLSX_MUTANTS + CSV_MUTANTS; i++) {
      boolean workbook = i % 5 < 3;
      Path file = Files.write(mutants.resolve(String.format("mutant_%03d.%s", i, workbook ? "xlsx" : "csv")),
          workbook ? mutate.xlsx(xlsx) : mutate.csv(csv));
      List<LeaverFileReader.DataRow> rows = new ArrayList<>();
      FileSummary s = reader.read(file.toFile(), file.getFileName().toString(), rows::add);
      if (s.ok()) {
        assertEquals(rows.size(), s.rowsRead(), file + ": every row given is counted");
        assertTrue(rows.stream().allMatch(row -> row.cells().values().stream().filter(Objects::nonNull)
            .allMatch(v -> v.length() <= 32_767)), file + ": no cell past Excel's limit");
      } else {
        assertFrenchReason(s.message());
      }
      outcomes.add(new Outcome(file, s));
    }
    return outcomes;
  }

  private static List<List<Object>> leavers() {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(HEADER);
    String[] names = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
        "Laurent"};
    for (int i = 0; i < names.length; i++) {
      rows.add(leaver(Uai.of("0141300"), names[i], "Léa", String.format("%02d/03/2003", i + 1), "06123456" + (10 + i),
          "50022137", "Non", "Oui"));
    }
    return rows;
  }

  private static String validCsv() {
    return leavers().stream().map(r -> r.stream().map(v -> v == null ? "" : v.toString())
        .collect(Collectors.joining(";"))).collect(Collectors.joining("\n")) + "\n";
  }

  private static List<String> dataContents(Lake lake) {
    return List.of(Table.BRONZE_LEAVER_ROWS, Table.LEAVERS, Table.CONTACTS, Table.REJECTIONS).stream()
        .map(t -> lake.read(t).collectAsList().stream().map(Row::toString).sorted().collect(Collectors.joining("\n")))
        .toList();
  }

  private static void copy(Path file, Path into) {
    try {
      Files.copy(file, into.resolve(file.getFileName()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
