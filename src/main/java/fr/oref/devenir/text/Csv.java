package fr.oref.devenir.text;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * The semicolon-separated files Devenir exchanges (contracts, reference data, panels, exports),
 * read and written by Apache Commons CSV: RFC 4180 quoting, quoted newlines, an optional UTF-8 BOM.
 * What Commons CSV does not do for us is here: the BOM, formula neutralisation, Excel's limits.
 */
public final class Csv {
  public static final char SEPARATOR = ';';
  /** Quotes only where needed; CRLF, what Excel writes and the survey tool expects. */
  private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setDelimiter(SEPARATOR)
      .setQuoteMode(QuoteMode.MINIMAL).setRecordSeparator("\r\n").get();
  /** A neutralised formula is quoted whatever it holds, as OWASP advises. */
  private static final CSVFormat QUOTED = WRITE.builder().setQuoteMode(QuoteMode.ALL).get();

  private Csv() {}

  /** Reads every record; the first one is the header. */
  public static List<List<String>> readAll(InputStream in, Charset charset) {
    try (Reader reader = new InputStreamReader(in, charset)) {
      List<List<String>> records = new ArrayList<>();
      Parser parser = new Parser(reader, SEPARATOR);
      for (List<String> r = parser.next(); r != null; r = parser.next()) {
        records.add(r);
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records as maps keyed by the (trimmed, BOM-free) header. */
  public static List<Map<String, String>> readMaps(InputStream in) {
    List<List<String>> all = readAll(in, StandardCharsets.UTF_8);
    List<Map<String, String>> maps = new ArrayList<>();
    if (all.isEmpty()) {
      return maps;
    }
    List<String> header = all.get(0);
    for (List<String> record : all.subList(1, all.size())) {
      if (record.size() == 1 && record.get(0).isBlank()) {
        continue;
      }
      Map<String, String> map = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        map.put(header.get(i).trim(), i < record.size() ? record.get(i) : "");
      }
      maps.add(map);
    }
    return maps;
  }

  /** Reads a contract or reference file from the classpath. */
  public static List<Map<String, String>> readResource(String path) {
    InputStream in = Csv.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("Missing resource " + path);
    }
    return readMaps(in);
  }

  /**
   * Writes one record. Every Devenir output goes through here, so this is where formula-like text is
   * neutralised ({@link FormulaText}): prefixed with a quote and the field quoted, as OWASP advises.
   */
  public static void writeRecord(Writer out, List<String> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      boolean dangerous = FormulaText.dangerous(value);
      (dangerous ? QUOTED : WRITE).print(dangerous ? FormulaText.neutralise(value) : value, out, i == 0);
    }
    WRITE.println(out);
  }

  /** A whole file for people to open: UTF-8 with a BOM, as SPEC §3 asks (Excel then reads the accents right). */
  public static void writeForExcel(OutputStream stream, List<String> header, List<List<String>> records)
      throws IOException {
    try (ExcelWriter out = new ExcelWriter(stream, header)) {
      for (List<String> r : records) {
        out.write(r);
      }
    }
  }

  /** A file for people written record by record, for files too large to hold: as {@link #writeForExcel}. */
  public static final class ExcelWriter implements Closeable {
    private final Writer out;

    public ExcelWriter(OutputStream stream, List<String> header) throws IOException {
      out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
      out.write('\uFEFF');
      writeRecord(out, header);
    }

    public void write(List<String> record) throws IOException {
      writeRecord(out, record);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /**
   * Records sorted by a key (a CFA) written one file per key, each opened when its key first comes and
   * closed when the next comes: one CFA's list, a call list or a panel, never the region's, in memory.
   */
  public static final class SplitWriter implements Closeable {
    /** Creates the file at a path. */
    @FunctionalInterface
    public interface Creator {
      OutputStream create(String path) throws IOException;
    }

    private final List<String> header;
    private final UnaryOperator<String> pathOfKey;
    private final Creator creator;
    private final List<String> paths = new ArrayList<>();
    private String key;
    private ExcelWriter current;

    /** {@code pathOfKey}: where the records of a key go; {@code creator} makes the file there. */
    public SplitWriter(List<String> header, UnaryOperator<String> pathOfKey, Creator creator) {
      this.header = header;
      this.pathOfKey = pathOfKey;
      this.creator = creator;
    }

    public void write(String recordKey, List<String> record) throws IOException {
      if (!recordKey.equals(key)) {
        close();
        key = recordKey;
        paths.add(pathOfKey.apply(recordKey));
        current = new ExcelWriter(creator.create(paths.get(paths.size() - 1)), header);
      }
      current.write(record);
    }

    /** The files opened so far, in order: what a job records of the nominative files it wrote. */
    public List<String> paths() {
      return List.copyOf(paths);
    }

    @Override
    public void close() throws IOException {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }

  /** A file that is not well-formed CSV; the message is French and quotes no value. */
  public static final class MalformedException extends IOException {
    MalformedException(String message) {
      super(message);
    }
  }

  /**
   * A streaming record reader, for files too large to hold. Records end at LF, CRLF or a lone CR
   * (old Mac Excel); empty lines are records, so row numbers stay the spreadsheet's. A quote left
   * open at the end of the file, a field longer than a spreadsheet cell or a record wider than a
   * sheet is a {@link MalformedException}, never rows silently lost.
   */
  public static final class Parser {
    /** Excel's limits: characters in a cell, columns in a sheet. */
    public static final int MAX_FIELD = 32_767;
    public static final int MAX_FIELDS = 16_384;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    public Parser(Reader reader, char separator) throws IOException {
      PushbackReader in = new PushbackReader(reader, 1);
      int first = in.read();
      if (first >= 0 && first != '\uFEFF') {
        in.unread(first);
      }
      // trailing data: « "Le" Goff » reads as Le Goff, as Excel does, rather than refusing the file
      this.parser = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
          .setTrailingData(true).get().parse(in);
      this.records = parser.iterator();
    }

    /** The next record, or null at the end. */
    public List<String> next() throws IOException {
      long line = parser.getCurrentLineNumber() + 1;
      List<String> fields;
      try {
        if (!records.hasNext()) {
          return null;
        }
        fields = records.next().toList();
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof CSVException) {
          throw unterminatedOrUnreadable(e.getCause(), line);
        }
        throw e.getCause();
      }
      if (fields.size() > MAX_FIELDS) {
        throw new MalformedException("plus de " + MAX_FIELDS + " colonnes (limite d'une feuille Excel) "
            + "à la ligne " + line);
      }
      if (fields.stream().anyMatch(f -> f.length() > MAX_FIELD)) {
        throw new MalformedException("champ de plus de " + MAX_FIELD + " caractères (limite d'une cellule Excel) "
            + "dans l'enregistrement commençant à la ligne " + line);
      }
      return fields;
    }

    /** Commons CSV's message is English and may quote the file: only its kind is kept. */
    private static MalformedException unterminatedOrUnreadable(Throwable e, long line) {
      return new MalformedException(String.valueOf(e.getMessage()).contains("EOF reached before encapsulated token")
          ? "guillemet ouvert à la ligne " + line + " jamais refermé"
          : "enregistrement illisible à la ligne " + line);
    }
  }
}
