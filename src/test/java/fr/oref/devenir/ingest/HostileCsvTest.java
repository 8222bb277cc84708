package fr.oref.devenir.ingest;

import static fr.oref.devenir.ingest.HostileWorkbookTest.HEADER;
import static fr.oref.devenir.ingest.HostileWorkbookTest.LEAVER;
import static fr.oref.devenir.ingest.HostileWorkbookTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.contracts.LeaverFileStatus;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSVs as old Excels, other tools and attackers write them: every row read, or the file refused. */
class HostileCsvTest {
  @TempDir Path dir;
  private final LeaverFileReader reader = new LeaverFileReader(LeaverFileContract.get(), ReadLimits.DEFAULT);
  private final List<LeaverFileReader.DataRow> rows = new ArrayList<>();

  private FileSummary read(String name, String text, Charset charset) throws IOException {
    Path file = Files.write(dir.resolve(name), text.getBytes(charset));
    return reader.read(file.toFile(), name, rows::add);
  }

  private static String lines(int leavers, String eol) {
    return String.join(";", HEADER) + eol + IntStream.range(0, leavers)
        .mapToObj(i -> String.join(";", LEAVER)).collect(Collectors.joining(eol)) + eol;
  }

  @Test
  void crOnlyLineEndsGiveEveryRow() throws IOException {
    FileSummary s = read("mac.csv", lines(83, "\r"), StandardCharsets.UTF_8);
    assertEquals(LeaverFileStatus.OK, s.status(), s.message());
    assertEquals(83, s.rowsRead());
    assertEquals(83, rows.size());
    assertEquals(84, rows.get(82).rowNumber());
  }

  @Test
  void anUnterminatedQuoteRefusesTheFileInsteadOfSwallowingRows() throws IOException {
    String text = lines(3, "\r\n") + "0141300M;\"Martin;Léa;F\r\n" + lines(80, "\r\n");
    assertRefused(read("guillemet.csv", text, StandardCharsets.UTF_8), "jamais refermé");
  }

  @Test
  void embeddedNewlinesAndDoubledQuotesStayInTheirCell() throws IOException {
    String text = String.join(";", HEADER) + "\n0141300M;\"Le \"\"Goff\"\"\nJr ; fils\";Léa;F;14/03/2003;50022137\n"
        + String.join(";", LEAVER) + "\n";
    FileSummary s = read("citations.csv", text, StandardCharsets.UTF_8);
    assertEquals(LeaverFileStatus.OK, s.status(), s.message());
    assertEquals(2, s.rowsRead());
    assertEquals("Le \"Goff\"\nJr ; fils", rows.get(0).cells().get("last_name"));
    assertEquals("Léa", rows.get(1).cells().get("first_name"));
  }

  @Test
  void utf16AndWindows1252AreDecoded() throws IOException {
    String text = lines(2, "\r\n").replace("Martin", "Lefèvre-Œuvré");
    for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      rows.clear();
      String bom = "\uFEFF";
      FileSummary s = read("unicode.csv", bom + text, charset);
      assertEquals(LeaverFileStatus.OK, s.status(), s.message());
      assertEquals(2, s.rowsRead());
      assertEquals("Lefèvre-Œuvré", rows.get(0).cells().get("last_name"), charset.name());
    }
    rows.clear();
    FileSummary s = read("ansi.csv", text, Charset.forName("windows-1252"));
    assertEquals(2, s.rowsRead());
    assertEquals("Lefèvre-Œuvré", rows.get(0).cells().get("last_name"));
  }

  @Test
  void aFieldOverExcelsLimitRefusesTheFileWithAShortReason() throws IOException {
    String text = String.join(";", HEADER) + "\n0141300M;Martin;Léa;" + "F".repeat(40_000) + ";14/03/2003;50022137\n";
    assertRefused(read("long.csv", text, StandardCharsets.UTF_8), "32767 caractères");
  }

  @Test
  void binaryJunkNamedCsvIsRefusedInFrench() throws IOException {
    byte[] junk = new byte[200_000];
    new java.util.Random(11).nextBytes(junk);
    Path file = Files.write(dir.resolve("bruit.csv"), junk);
    FileSummary s = reader.read(file.toFile(), "bruit.csv", rows::add);
    assertEquals(LeaverFileStatus.FAILED, s.status());
    assertEquals(0, rows.size());
  }

  @Test
  void aRowWithTextOnlyOutsideTheKnownColumnsIsCounted() throws IOException {
    String text = String.join(";", HEADER) + ";Remarque\n" + String.join(";", LEAVER) + ";\n;;;;;;à rappeler\n;;;;;;\n";
    FileSummary s = read("remarque.csv", text, StandardCharsets.UTF_8);
    assertEquals(2, s.rowsRead(), "the remark is a row read; the fully blank one is not");
    assertEquals(2, rows.size());
  }
}
