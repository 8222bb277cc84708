package fr.oref.devenir.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.contracts.LeaverFileStatus;
import fr.oref.devenir.lake.HadoopFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** However a parse ends, the file's record comes last, says why, and the local copy is gone. */
class ParsePumpTest {
  private static final Duration TIME = Duration.ofMinutes(5);

  @TempDir Path dir;
  private final HadoopFiles files = new HadoopFiles(new Configuration());

  private List<Row> pump(ParsePump.Parser parser, Duration limit) throws IOException {
    Path file = Files.writeString(dir.resolve("sortants.csv"), "Nom;Prénom\nMartin;Léa\n");
    List<Row> records = new ArrayList<>();
    new ParsePump(parser, files, file.toUri().toString(), limit).forEachRemaining(records::add);
    return records;
  }

  private static Row fileRecord(List<Row> records) {
    Row last = records.get(records.size() - 1);
    assertEquals("FILE", last.getString(0), "the file's record comes last");
    return last;
  }

  private static List<Path> copiesLeft() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> folders = Files.list(tmp)) {
      List<Path> left = new ArrayList<>();
      for (Path folder : folders.filter(p -> p.getFileName().toString()
          .startsWith("devenir-parse-" + ProcessHandle.current().pid() + "-")).toList()) {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        try (Stream<Path> copies = Files.list(folder)) {
          copies.forEach(left::add);
        }
      }
      return left;
    }
  }

  @Test
  void aParseThatRunsOutOfMemoryIsRecordedFailedAndItsCopyDeleted() throws IOException {
    List<Row> records = pump((local, name, out) -> {
      assertEquals("rw-------", permissions(local.toPath()), "the copy is its owner's only");
      out.accept(new LeaverFileReader.DataRow(name, 2, Map.of("last_name", "Martin")));
      throw new OutOfMemoryError("Java heap space");
    }, TIME);
    Row file = fileRecord(records);
    assertEquals(LeaverFileStatus.FAILED, file.getAs(8));
    assertTrue(file.<String>getAs(9).contains("faute de mémoire"), file.getString(9));
    assertTrue(file.<String>getAs(2).matches("[0-9a-f]{64}"), "keyed by the bytes' hash");
    assertEquals(List.of(), copiesLeft());
  }

  @Test
  void aDeadParseThreadStillLeavesTheFilesRecord() throws IOException {
    @SuppressWarnings("removal")
    Row file = fileRecord(pump((local, name, out) -> {
      throw new ThreadDeath();
    }, TIME));
    assertEquals(LeaverFileStatus.FAILED, file.getAs(8));
    assertEquals(List.of(), copiesLeft());
  }

  @Test
  void aParseStuckPastItsTimeIsRecordedFailedWithoutWaitingForIt() throws IOException {
    CountDownLatch never = new CountDownLatch(1);
    List<Row> records = pump((local, name, out) -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return FileSummary.failed("X", "interrompu");
    }, Duration.ofSeconds(-60));
    Row file = fileRecord(records);
    assertEquals("TIMEOUT", file.getAs(4));
    assertTrue(file.<String>getAs(9).contains("délai"), file.getString(9));
  }

  @Test
  void theReaderRefusesAFilePastItsParseTime() throws IOException {
    Path file = Workbooks.handWritten(dir.resolve("a.xlsx"), Workbooks.row("1", HostileWorkbookTest.HEADER)
        + Workbooks.row("2", HostileWorkbookTest.LEAVER));
    FileSummary s = new LeaverFileReader(LeaverFileContract.get(), new ReadLimits(1 << 20, Duration.ofSeconds(-1)))
        .read(file.toFile(), "a.xlsx", r -> { });
    HostileWorkbookTest.assertRefused(s, "a dépassé");
  }

  @Test
  void copyFoldersOfDeadJvmsAreRemoved() throws IOException {
    Path stale = Files.createDirectories(dir.resolve("devenir-parse-" + Long.MAX_VALUE + "-123"));
    Files.writeString(stale.resolve("copie.xlsx"), "nominatif");
    Path alive = Files.createDirectories(dir.resolve("devenir-parse-" + ProcessHandle.current().pid() + "-456"));
    Path other = Files.createDirectories(dir.resolve("autre-dossier"));
    TempCopies.removeStale(dir);
    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(alive), "a running JVM's folder is left alone");
    assertTrue(Files.exists(other));
  }

  private static String permissions(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
