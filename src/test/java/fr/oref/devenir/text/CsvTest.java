package fr.oref.devenir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every value Devenir writes reads back as it was, in the encodings the CFAs' and survey tool's files use. */
class CsvTest {
  private static final List<List<String>> AWKWARD = List.of(
      List.of("ID_SEINE", "NOM", "INTITULE_EMPLOI", "AUTRE"),
      List.of("2022ABCDEFGH", "Le \"Goff\"", "Boulanger; pâtissier", "ligne 1\nligne 2"),
      List.of("2022JKLMNPQR", "Lefèvre-Œuvré", "vendeur\r\nen magasin", " espace autour "),
      List.of("", "#commentaire", "« guillemets français » €", ""));

  private static byte[] write(List<List<String>> records, Charset charset, boolean bom) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(bytes, charset)) {
      if (bom) {
        out.write('\uFEFF');
      }
      for (List<String> r : records) {
        Csv.writeRecord(out, r);
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void quotesSeparatorsAndNewlinesRoundTripInUtf8WithBom() throws IOException {
    byte[] bytes = write(AWKWARD, StandardCharsets.UTF_8, true);
    assertEquals(0xEF, bytes[0] & 0xFF, "the BOM Excel needs to read the accents is written");
    assertEquals(AWKWARD, Csv.readAll(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8),
        "the BOM is not glued to the first header");
  }

  @Test
  void windows1252RoundTrips() throws IOException {
    Charset ansi = Charset.forName("windows-1252");
    byte[] bytes = write(AWKWARD, ansi, false);
    assertEquals(AWKWARD, Csv.readAll(new ByteArrayInputStream(bytes), ansi));
  }

  @Test
  void recordsSortedByKeyGoOneFilePerKeyEachWithTheBomAndHeader() throws IOException {
    java.util.Map<String, ByteArrayOutputStream> files = new java.util.LinkedHashMap<>();
    List<String> header = AWKWARD.get(0);
    try (Csv.SplitWriter byCfa = new Csv.SplitWriter(header, key -> "relances_" + key + ".csv", path -> {
      files.put(path, new ByteArrayOutputStream());
      return files.get(path);
    })) {
      byCfa.write("0141300A", AWKWARD.get(1));
      byCfa.write("0141300A", AWKWARD.get(2));
      byCfa.write("0500001B", AWKWARD.get(3));
      assertEquals(List.of("relances_0141300A.csv", "relances_0500001B.csv"), byCfa.paths(), "the paths opened, in order");
    }
    assertEquals(List.of("relances_0141300A.csv", "relances_0500001B.csv"), List.copyOf(files.keySet()),
        "each key's file opened once");
    assertEquals(AWKWARD.subList(0, 3), Csv.readAll(
        new ByteArrayInputStream(files.get("relances_0141300A.csv").toByteArray()), StandardCharsets.UTF_8));
    byte[] second = files.get("relances_0500001B.csv").toByteArray();
    assertEquals(0xEF, second[0] & 0xFF, "every file starts with the BOM");
    assertEquals(List.of(header, AWKWARD.get(3)), Csv.readAll(new ByteArrayInputStream(second), StandardCharsets.UTF_8));
  }

  @Test
  void writtenTextIsQuotedOnlyWhereNeededWithExcelsLineEnds() throws IOException {
    java.io.StringWriter out = new java.io.StringWriter();
    Csv.writeRecord(out, java.util.Arrays.asList("a", "b;c", "d\"e", null, "f"));
    assertEquals("a;\"b;c\";\"d\"\"e\";;f\r\n", out.toString());
  }

  @Test
  void headersReadAsMapsWithoutTheBomAndBlankLinesSkipped() throws IOException {
    byte[] bytes = write(List.of(List.of("cle", "valeur"), List.of("a", "1"), List.of(""), List.of("b", "2")),
        StandardCharsets.UTF_8, true);
    var maps = Csv.readMaps(new ByteArrayInputStream(bytes));
    assertEquals(2, maps.size());
    assertEquals("2", maps.get(1).get("valeur"));
    assertEquals("a", maps.get(0).get("cle"));
  }

  @Test
  void lineEndsOfEveryAgeEndRecordsAndEmptyLinesKeepTheirNumber() throws IOException {
    List<List<String>> records = read("a;b\rc;d\r\n\ne;f\n");
    assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of(""), List.of("e", "f")), records);
  }

  @Test
  void anUnterminatedQuoteIsRefusedWithItsLine() {
    IOException e = assertThrows(Csv.MalformedException.class, () -> read("a;b\nc;\"d\ne;f\n"));
    assertEquals("guillemet ouvert à la ligne 2 jamais refermé", e.getMessage());
  }

  @Test
  void excelsCellAndSheetLimitsAreRefusedWithoutQuotingTheValue() throws IOException {
    IOException field = assertThrows(Csv.MalformedException.class,
        () -> read("a;b\nc;" + "x".repeat(Csv.Parser.MAX_FIELD + 1) + "\n"));
    assertTrue(field.getMessage().startsWith("champ de plus de 32767 caractères"), field.getMessage());
    assertTrue(field.getMessage().endsWith("ligne 2"), field.getMessage());
    IOException wide = assertThrows(Csv.MalformedException.class, () -> read(";".repeat(Csv.Parser.MAX_FIELDS) + "\n"));
    assertTrue(wide.getMessage().startsWith("plus de 16384 colonnes"), wide.getMessage());
    assertEquals(Csv.Parser.MAX_FIELD, read("x".repeat(Csv.Parser.MAX_FIELD)).get(0).get(0).length(),
        "a cell exactly at Excel's limit is read");
  }

  private static List<List<String>> read(String text) throws IOException {
    Csv.Parser parser = new Csv.Parser(new StringReader(text), ';');
    List<List<String>> records = new ArrayList<>();
    for (List<String> r = parser.next(); r != null; r = parser.next()) {
      records.add(r);
    }
    return records;
  }
}
