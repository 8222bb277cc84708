package fr.oref.devenir.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.contracts.LeaverFileStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks Excel would never write, built by hand: each is either read with every row accounted
 * for, or refused whole with a short French reason that quotes no cell — never read short, never
 * left to allocate for an absurd reference.
 */
class HostileWorkbookTest {
  static final List<String> HEADER = List.of("UAI CFA responsable", "Nom", "Prénom", "Sexe", "Date de naissance",
      "Code diplôme");
  static final List<String> LEAVER = List.of("0141300M", "Martin", "Léa", "F", "14/03/2003", "50022137");

  @TempDir Path dir;
  private final LeaverFileReader reader = new LeaverFileReader(LeaverFileContract.get(), ReadLimits.DEFAULT);
  private final List<LeaverFileReader.DataRow> rows = new ArrayList<>();

  private FileSummary read(Path file) {
    return reader.read(file.toFile(), file.getFileName().toString(), rows::add);
  }

  private FileSummary readSheet(String sheetData) throws IOException {
    return read(Workbooks.handWritten(dir.resolve("hostile.xlsx"), sheetData));
  }

  /** Refused whole with a one-line French reason that names {@code expected} and quotes no cell. */
  static void assertRefused(FileSummary s, String expected) {
    assertEquals(LeaverFileStatus.FAILED, s.status(), "refused whole");
    assertTrue(s.message().contains(expected), s.message());
    assertFalse(s.message().contains("\n"), "one line");
    assertTrue(s.message().length() < 400, "short: " + s.message().length());
    assertFalse(s.message().contains("Exception") || s.message().contains("java."), s.message());
  }

  @Test
  void rowsOutOfOrderRepeatedOrNotPositiveAreRefusedNotSkipped() throws IOException {
    String header = Workbooks.row("1", HEADER);
    assertRefused(readSheet(header + Workbooks.row("3", LEAVER) + Workbooks.row("2", LEAVER)), "désordre");
    assertRefused(readSheet(header + Workbooks.row("2", LEAVER) + Workbooks.row("2", LEAVER)), "en double");
    assertRefused(readSheet(Workbooks.row("0", HEADER) + Workbooks.row("1", LEAVER)), "hors des limites");
    assertRefused(readSheet(header + Workbooks.row("-4", LEAVER)), "hors des limites");
    assertRefused(readSheet(header + Workbooks.row("1048577", LEAVER)), "hors des limites");
    assertTrue(rows.isEmpty() || rows.size() <= 1, "at most the rows before the fault, of a file refused anyway");
  }

  @Test
  void cellsOutOfOrderWithinARowAreRefusedNotShifted() throws IOException {
    String row = "<row r=\"2\">" + Workbooks.cell("B2", "Martin") + Workbooks.cell("A2", "0141300M") + "</row>";
    assertRefused(readSheet(Workbooks.row("1", HEADER) + row), "cellules dans le désordre");
  }

  @Test
  void absurdReferencesAreRefusedWithoutAllocatingForThem() throws IOException {
    String row = "<row r=\"2\">" + Workbooks.cell("A2", "0141300M") + Workbooks.cell("ZZZZZZ2", "x") + "</row>";
    assertRefused(readSheet(Workbooks.row("1", HEADER) + row), "dernière colonne");
    String past = "<row r=\"2\">" + Workbooks.cell("XFE2", "x") + "</row>";
    assertRefused(readSheet(Workbooks.row("1", HEADER) + past), "dernière colonne");
  }

  @Test
  void anAbsurdDimensionIsIgnored() throws IOException {
    Path file = Workbooks.rewrite(Workbooks.handWritten(dir.resolve("a.xlsx"), ""), dir.resolve("dim.xlsx"),
        Workbooks.SHEET, out -> out.write(Workbooks.worksheet(Workbooks.row("1", HEADER) + Workbooks.row("2", LEAVER))
            .replace("<sheetData>", "<dimension ref=\"A1:ZZZZZZ99999999999\"/><sheetData>")
            .getBytes(StandardCharsets.UTF_8)));
    FileSummary s = read(file);
    assertEquals(LeaverFileStatus.OK, s.status(), s.message());
    assertEquals(1, s.rowsRead());
  }

  @Test
  void aRowWithTextOnlyBeyondTheDataColumnsIsStillARowRead() throws IOException {
    String beyond = "<row r=\"3\">" + Workbooks.cell("M3", "texte hors colonnes") + "</row>";
    FileSummary s = readSheet(Workbooks.row("1", HEADER) + Workbooks.row("2", LEAVER) + beyond);
    assertEquals(LeaverFileStatus.OK, s.status(), s.message());
    assertEquals(2, s.rowsRead(), "counted, so the balance law places it");
    assertEquals(List.of(2, 3), rows.stream().map(LeaverFileReader.DataRow::rowNumber).toList());
    assertTrue(rows.get(1).cells().isEmpty(), "emitted with no field: the validator rejects it with a reason");
  }

  @Test
  void aCellOverExcelsLimitRefusesTheFileWithAShortReason() throws IOException {
    List<String> leaver = new ArrayList<>(LEAVER);
    leaver.set(3, "F".repeat(40_000));
    FileSummary s = readSheet(Workbooks.row("1", HEADER) + Workbooks.row("2", leaver));
    assertRefused(s, "32767 caractères");
    assertTrue(s.message().contains("ligne 2, colonne D"), s.message());
  }

  @Test
  void formulasAndFormulaLikeTextInEveryColumnAreTextNeverEvaluated() throws IOException {
    List<String> hostile = List.of("=HYPERLINK(\"http://x\",\"y\")", "+33 1 23", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0",
        "\tTab");
    StringBuilder formulas = new StringBuilder("<row r=\"3\">");
    for (int c = 0; c < HEADER.size(); c++) {
      // a cached value the formula would never compute: reading it proves nothing was evaluated
      formulas.append("<c r=\"").append((char) ('A' + c)).append("3\" t=\"str\"><f>1+1</f><v>cache").append(c)
          .append("</v></c>");
    }
    FileSummary s = readSheet(Workbooks.row("1", HEADER) + Workbooks.row("2", hostile) + formulas + "</row>");
    assertEquals(LeaverFileStatus.OK, s.status(), s.message());
    assertEquals(2, s.rowsRead());
    assertEquals("=HYPERLINK(\"http://x\",\"y\")", rows.get(0).cells().get("uai_cfa"));
    assertEquals("@SUM(A1)", rows.get(0).cells().get("sex"));
    assertEquals("=cmd|' /C calc'!A0", rows.get(0).cells().get("birth_date"));
    assertEquals("cache1", rows.get(1).cells().get("last_name"));
  }

  @Test
  void sixteenThousandColumnsAreRead() throws IOException {
    List<String> header = new ArrayList<>(HEADER);
    List<String> leaver = new ArrayList<>(LEAVER);
    while (header.size() < XlsxReader.MAX_COLUMNS) {
      header.add("Colonne " + header.size());
      leaver.add("v");
    }
    FileSummary s = readSheet(Workbooks.row("1", header) + Workbooks.row("2", leaver));
    assertEquals(LeaverFileStatus.OK, s.status(), s.message());
    assertEquals(1, s.rowsRead());
    assertEquals(XlsxReader.MAX_COLUMNS - HEADER.size(), s.extraColumns().size());
  }

  @Test
  void aMillionEmptyStyledRowsAreStreamedNotHeld() throws IOException {
    Path template = Workbooks.handWritten(dir.resolve("t.xlsx"), "");
    Path file = Workbooks.rewrite(template, dir.resolve("styled.xlsx"), Workbooks.SHEET, out -> {
      String xml = Workbooks.worksheet(Workbooks.row("1", HEADER) + Workbooks.row("2", LEAVER) + "@ROWS@");
      out.write(xml.substring(0, xml.indexOf("@ROWS@")).getBytes(StandardCharsets.UTF_8));
      for (int r = 3; r <= XlsxReader.MAX_ROWS; r++) {
        out.write(("<row r=\"" + r + "\" s=\"1\" customFormat=\"1\" ht=\"15\"/>").getBytes(StandardCharsets.US_ASCII));
      }
      out.write(xml.substring(xml.indexOf("@ROWS@") + 6).getBytes(StandardCharsets.UTF_8));
    });
    FileSummary s = read(file);
    assertEquals(LeaverFileStatus.OK, s.status(), s.message());
    assertEquals(1, s.rowsRead(), "styled but empty rows are blank");
  }

  @Test
  void truncatedOrDamagedZipsAreRefused() throws IOException {
    Path good = Workbooks.handWritten(dir.resolve("good.xlsx"), Workbooks.row("1", HEADER) + Workbooks.row("2", LEAVER));
    byte[] bytes = Files.readAllBytes(good);
    Path truncated = Files.write(dir.resolve("tronque.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertRefused(read(truncated), "illisible");
    Path damaged = Files.copy(good, dir.resolve("abime.xlsx"));
    try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
      // the compressed data of the first entries, past the local headers of the zip
      f.seek(60);
      f.write(Collections.nCopies(bytes.length / 3, "\u00A7").stream().reduce("", String::concat)
          .getBytes(StandardCharsets.ISO_8859_1));
    }
    assertRefused(read(damaged), "illisible");
  }

  @Test
  void externalEntitiesAndEntityExpansionAreRefusedNeverResolved() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-MARQUEUR");
    String doctype = "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
    String xxe = Workbooks.worksheet(Workbooks.row("1", HEADER) + Workbooks.row("2", LEAVER)
        + "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>")
        .replace("<worksheet", doctype + "<worksheet");
    Path template = Workbooks.handWritten(dir.resolve("t.xlsx"), "");
    assertRefused(read(Workbooks.rewrite(template, dir.resolve("xxe.xlsx"), Workbooks.SHEET, out -> write(out, xxe))),
        "illisible");
    StringBuilder laughs = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY l0 \"ha\">");
    for (int i = 1; i <= 10; i++) {
      laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String bomb = xxe.replace(doctype, laughs + "]>").replace("&xxe;", "&l10;");
    assertRefused(read(Workbooks.rewrite(template, dir.resolve("rires.xlsx"), Workbooks.SHEET, out -> write(out, bomb))),
        "illisible");
    String sst = "<?xml version=\"1.0\"?>" + doctype + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        + " count=\"1\" uniqueCount=\"1\"><si><t>&xxe;</t></si></sst>";
    assertRefused(read(Workbooks.rewrite(template, dir.resolve("sst.xlsx"), "xl/sharedStrings.xml", out -> write(out, sst))),
        "illisible");
    assertTrue(rows.stream().noneMatch(r -> r.cells().containsValue("SECRET-MARQUEUR")));
  }

  @Test
  void binaryJunkNamedXlsxIsRefusedInFrench() throws IOException {
    byte[] junk = new byte[5000];
    new java.util.Random(7).nextBytes(junk);
    junk[0] = 'P';
    junk[1] = 'K';
    junk[2] = 3;
    junk[3] = 4;
    assertRefused(read(Files.write(dir.resolve("bruit.xlsx"), junk)), "illisible");
  }

  private static void write(OutputStream out, String xml) throws IOException {
    out.write(xml.getBytes(StandardCharsets.UTF_8));
  }
}
