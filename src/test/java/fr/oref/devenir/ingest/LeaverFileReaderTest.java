package fr.oref.devenir.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.contracts.LeaverFileStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaverFileReaderTest {
  private static final List<Object> HEADER = List.of("UAI CFA responsable", "Nom", "Prénom", "Sexe",
      "Date de naissance", "Code diplôme", "Date de fin de formation", "SIRET employeur", "Code postal");

  @TempDir Path dir;
  private final LeaverFileReader reader = new LeaverFileReader(LeaverFileContract.get(), new ReadLimits(10L << 20, ReadLimits.DEFAULT.parseTime()));
  private final List<LeaverFileReader.DataRow> rows = new ArrayList<>();

  private FileSummary read(Path file) {
    return reader.read(file.toFile(), file.getFileName().toString(), rows::add);
  }

  @Test
  void cellReferencesGiveTheirColumn() {
    assertEquals(0, XlsxReader.column("A1"));
    assertEquals(25, XlsxReader.column("Z1048576"));
    assertEquals(26, XlsxReader.column("AA3"));
    assertEquals(27, XlsxReader.column("AB12"));
    assertEquals(16383, XlsxReader.column("XFD1"), "the last column Excel has");
  }

  @Test
  void readsTheTemplateShapeWithTypedCellsAsText() throws IOException {
    Path file = Workbooks.write(dir.resolve("a.xlsx"), "Sortants", List.of(HEADER,
        List.of("0141300M", "Martin", "Léa", "F", LocalDate.of(2003, 3, 14), "50022137", 44742,
            73282932000074L, 1000)));
    FileSummary s = read(file);
    assertEquals(LeaverFileStatus.OK, s.status());
    assertEquals(1, s.headerRow());
    assertEquals(1, s.rowsRead());
    assertEquals("0141300M", s.fileCfa());
    var cells = rows.get(0).cells();
    assertEquals(2, rows.get(0).rowNumber());
    assertEquals("2003-03-14", cells.get("birth_date"), "a real Excel date becomes ISO text");
    assertEquals("44742", cells.get("training_end"), "a serial number stays a number for the date parser");
    assertEquals("73282932000074", cells.get("employer_siret"), "no scientific notation");
    assertEquals("1000", cells.get("postal_code"));
  }

  @Test
  void findsTheHeaderBelowTitleRowsWithRenamedReorderedColumnsAndExtras() throws IOException {
    List<Object> header = List.of("Observations", "PRENOM", "nom de famille", "UAI CFA", "CFD", "Genre", "Né le");
    Path file = Workbooks.write(dir.resolve("b.xlsx"), "Feuil1", List.of(
        List.of("CFA du Bâtiment — liste des sortants 2022"),
        List.of(),
        List.of("Édité le 12/10/2022"),
        header,
        Arrays.asList("à rappeler", "Jean", "Dupont", "0141300M", "50022137", "M", "02/01/2004"),
        List.of(),
        Arrays.asList(null, "Anne", "=CONCATENATE(\"Le \",\"Goff\")", "0141300M", "50022137", "F", "2004-05-06")));
    FileSummary s = read(file);
    assertEquals(LeaverFileStatus.OK, s.status(), s.message());
    assertEquals("Feuil1", s.sheet(), "the only sheet whose header matches may have any name");
    assertEquals(4, s.headerRow());
    assertEquals(List.of("Observations"), s.extraColumns());
    assertEquals(2, s.rowsRead(), "the blank row is skipped");
    assertEquals(7, rows.get(1).rowNumber());
    assertEquals("Le Goff", rows.get(1).cells().get("last_name"), "formula cells give their cached value");
    assertEquals("Jean", rows.get(0).cells().get("first_name"));
  }

  @Test
  void readsWindows1252Csv() throws IOException {
    Path file = dir.resolve("c.csv");
    String text = "UAI CFA responsable;Nom;Prénom;Sexe;Date de naissance;Code diplôme\r\n"
        + "0141300M;Lefèvre;Zoé;F;01/02/03;50022137\r\n";
    Files.write(file, text.getBytes(Charset.forName("windows-1252")));
    FileSummary s = read(file);
    assertEquals(LeaverFileStatus.OK, s.status(), s.message());
    assertEquals("CSV", s.format());
    assertEquals("Lefèvre", rows.get(0).cells().get("last_name"));
    assertEquals("Zoé", rows.get(0).cells().get("first_name"));
  }

  @Test
  void readsUtf8CsvWithBom() throws IOException {
    Path file = dir.resolve("d.csv");
    String text = "\uFEFFUAI CFA responsable;Nom;Prénom;Sexe;Code diplôme\n0141300M;Ébert;Chloé;F;50022137\n";
    Files.writeString(file, text, StandardCharsets.UTF_8);
    assertEquals(LeaverFileStatus.OK, read(file).status());
    assertEquals("Ébert", rows.get(0).cells().get("last_name"));
    assertEquals("0141300M", rows.get(0).cells().get("uai_cfa"));
  }

  @Test
  void anEmptyFileFailsWithAReason() throws IOException {
    Path file = Files.createFile(dir.resolve("vide.xlsx"));
    FileSummary s = read(file);
    assertEquals(LeaverFileStatus.FAILED, s.status());
    assertEquals("Le fichier est vide.", s.message());
  }

  @Test
  void aTextFileNamedXlsxFails() throws IOException {
    Path file = Files.writeString(dir.resolve("faux.xlsx"), "ceci n'est pas un classeur");
    FileSummary s = read(file);
    assertEquals(LeaverFileStatus.FAILED, s.status());
    assertTrue(s.message().contains("ni un classeur Excel"), s.message());
  }

  @Test
  void aPasswordProtectedWorkbookFails() throws Exception {
    Path plain = Workbooks.write(dir.resolve("plain.xlsx"), "Sortants", List.of(HEADER));
    Path file = dir.resolve("protege.xlsx");
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      enc.confirmPassword("secret");
      try (OutputStream os = enc.getDataStream(fs)) {
        Files.copy(plain, os);
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        fs.writeFilesystem(out);
      }
    }
    FileSummary s = read(file);
    assertEquals(LeaverFileStatus.FAILED, s.status());
    assertTrue(s.message().contains("mot de passe"), s.message());
  }

  @Test
  void aZipBombIsNotOpened() throws IOException {
    Path plain = Workbooks.write(dir.resolve("plain.xlsx"), "Sortants", List.of(HEADER));
    Path bomb = dir.resolve("bombe.xlsx");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(plain));
         ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().endsWith("sheet1.xml")) {
          String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          out.write(xml.replace("<sheetData>", "<sheetData>" + " ".repeat(20_000_000)).getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(out);
        }
      }
    }
    FileSummary s = read(bomb);
    assertEquals(LeaverFileStatus.FAILED, s.status());
    assertTrue(s.message().contains("bombe zip"), s.message());
  }

  @Test
  void aWorkbookWithoutRecognisableHeaderFails() throws IOException {
    Path file = Workbooks.write(dir.resolve("e.xlsx"), "Sortants", List.of(List.of("a", "b"), List.of("1", "2")));
    FileSummary s = read(file);
    assertEquals(LeaverFileStatus.FAILED, s.status());
    assertTrue(s.message().startsWith("Aucune ligne d'en-tête reconnue"), s.message());
    assertNull(s.fileCfa());
    assertFalse(s.ok());
  }

  @Test
  void aFileAboveTheSizeLimitFails() throws IOException {
    Path file = dir.resolve("gros.csv");
    Files.write(file, new byte[2048]);
    FileSummary s = new LeaverFileReader(LeaverFileContract.get(), new ReadLimits(1024, ReadLimits.DEFAULT.parseTime())).read(file.toFile(), "gros.csv", rows::add);
    assertEquals("TOO_LARGE", s.format());
    assertTrue(rows.isEmpty());
  }
}
