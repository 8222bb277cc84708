package fr.oref.devenir.ingest;

import static fr.oref.devenir.ingest.IngestLeaversJobTest.CFA_B;
import static fr.oref.devenir.ingest.IngestLeaversJobTest.HEADER;
import static fr.oref.devenir.ingest.IngestLeaversJobTest.leaver;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.testing.CliRun;
import fr.oref.devenir.testing.SharedSpark;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch as an attacker would send it, through the command line: each bad file is its own problem only. */
class IngestHostileBatchTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int devenir(String... args) {
    CliRun run = CliRun.of(args);
    out.append(run.out());
    err.append(run.err());
    return run.code();
  }

  @Test
  void hostileFilesAreRefusedByNameWhileTheOthersLoadAndTheLakeStaysUsable(@TempDir Path dir) throws Exception {
    SharedSpark.session();
    Path in = Files.createDirectories(dir.resolve("in"));
    Workbooks.write(in.resolve("sortants_A.xlsx"), "Sortants", IngestLeaversJobTest.fileA(false));
    Workbooks.write(in.resolve("sortants:2022.xlsx"), "Sortants", List.of(HEADER,
        leaver(CFA_B, "Bernard", "Noé", "12/12/2002", "0612345600", "50022137", "Non", "Oui")));
    List<Object> overlong = new ArrayList<>(leaver(CFA_B, "Roux", "Jade", "04/04/2003", "0612345601", "50022137",
        "Non", "Non"));
    overlong.set(4, "F".repeat(40_000));
    Workbooks.handWritten(in.resolve("long.xlsx"), Workbooks.row("1", HEADER) + Workbooks.row("2", overlong));
    Files.writeString(in.resolve("guillemet.csv"), HEADER.stream().map(Object::toString)
        .collect(Collectors.joining(";")) + "\n\"0141300M;Martin\n", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("traversee.csv"), "UAI CFA responsable;Nom;Prénom;Sexe;Code diplôme\n"
        + "../../../evil;Durand;Paul;M;50022137\n", StandardCharsets.UTF_8);
    String lake = dir.resolve("lake").toString();
    Path reports = dir.resolve("reports");

    assertEquals(1, devenir("ingest-leavers", "--master", "local[2]", "--allow-demo-key", "--lake", lake, "--cohort", "2022",
        "--reports", reports.toString(), in.toString()), err.toString());
    assertTrue(out.toString().contains("5 fichier(s) lu(s)"), out.toString());
    assertFalse(out.toString().contains("NON ÉQUILIBRÉ"), out.toString());
    List<String> refused = err.toString().lines().filter(l -> l.startsWith("Fichier refusé : ")).toList();
    assertEquals(2, refused.size(), err.toString());
    assertTrue(refused.get(0).startsWith("Fichier refusé : guillemet.csv — Fichier CSV mal formé"), refused.get(0));
    assertTrue(refused.get(1).startsWith("Fichier refusé : long.xlsx — Feuille « Sortants » : ligne 2, colonne E"),
        refused.get(1));
    assertFalse(err.toString().contains("\tat ") || err.toString().contains("Exception") || err.toString().contains("FFFF"),
        err.toString());

    Lake l = new Lake(SharedSpark.session(), lake);
    Map<String, Row> log = l.read(Table.INGEST_LOG).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs("source_file").replaceAll(".*/", ""), r -> r));
    assertEquals("OK", log.get("sortants:2022.xlsx").getAs("status"), "a colon in a name is a name like any other");
    assertEquals(1, (int) log.get("sortants:2022.xlsx").getAs("rows_kept"));
    assertEquals("FAILED", log.get("long.xlsx").getAs("status"));
    assertTrue(log.get("long.xlsx").<String>getAs("error").length() < 400);
    assertEquals(1, (int) log.get("traversee.csv").getAs("rows_rejected"), "the row is placed, rejected with its reason");
    assertEquals(0, l.read(Table.BRONZE_LEAVER_ROWS).filter(col("source_file").endsWith("long.xlsx")
        .or(col("source_file").endsWith("guillemet.csv"))).count(), "a refused file changes no data table");
    try (Stream<Path> all = Files.walk(dir)) {
      List<Path> written = all.filter(Files::isRegularFile).filter(p -> !p.startsWith(in) && !p.startsWith(dir.resolve("lake")))
          .toList();
      assertFalse(written.isEmpty());
      assertTrue(written.stream().allMatch(p -> p.getParent().equals(reports)), written.toString());
      assertTrue(written.stream().noneMatch(p -> p.getFileName().toString().contains("evil")), written.toString());
    }

    // the lake is not poisoned: a later valid file loads and its reports are written
    Path next = Files.createDirectories(dir.resolve("next"));
    Workbooks.write(next.resolve("sortants_A.xlsx"), "Sortants", IngestLeaversJobTest.fileA(true));
    out.getBuffer().setLength(0);
    assertEquals(0, devenir("ingest-leavers", "--master", "local[2]", "--allow-demo-key", "--lake", lake, "--cohort", "2022",
        "--reports", reports.toString(), next.toString()), err.toString());
    assertTrue(out.toString().contains("1 fichier(s) lu(s), dont 1 nouveau(x)"), out.toString());
  }
}
