package fr.oref.devenir.ingest;

import fr.oref.devenir.text.Csv;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a leaver file sent as CSV: UTF-8 with or without BOM, or Windows-1252 (what Excel writes
 * on French Windows) or UTF-16 with BOM, separated by semicolons (or commas or tabs, whichever the
 * first line uses). A file that is not well-formed CSV is refused whole, never read short.
 */
final class CsvReader {
  private static final int SNIFF_BYTES = 64 * 1024;

  private CsvReader() {}

  static Charset detectCharset(byte[] head) {
    if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
        || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
      // what Excel's "Unicode text" writes; the decoder reads the BOM for the byte order
      return StandardCharsets.UTF_16;
    }
    if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    // endOfInput=false: a character cut at the sniff boundary is not an error
    CoderResult result = utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length + 1), false);
    return result.isError() ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
  }

  static char detectSeparator(String firstLine) {
    char best = ';';
    long bestCount = -1;
    for (char c : new char[] {';', ',', '\t'}) {
      long count = firstLine.chars().filter(x -> x == c).count();
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    return best;
  }

  static void read(File file, RowSink sink) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file.toPath())) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    Charset charset = detectCharset(head);
    String text = new String(head, charset);
    char separator = detectSeparator(text.split("[\r\n]", 2)[0]);
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file.toPath()), charset))) {
      Csv.Parser parser = new Csv.Parser(reader, separator);
      int rowNumber = 0;
      for (List<String> record = parser.next(); record != null; record = parser.next()) {
        rowNumber++;
        sink.row(rowNumber, Arrays.asList(record.stream().map(v -> v.isEmpty() ? null : v).toArray(String[]::new)));
      }
    } catch (RowSink.StopReading stop) {
      // the sink has what it needs
    } catch (Csv.MalformedException e) {
      throw new FileRejected("Fichier CSV mal formé (" + e.getMessage() + ") : enregistrez-le de nouveau depuis Excel "
          + "au format « CSV UTF-8 (délimité par des points-virgules) ».");
    }
  }
}
