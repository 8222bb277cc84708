package fr.oref.devenir.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The semicolon-separated files Devenir exchanges (contracts, reference data, panels, exports):
 * RFC 4180 quoting, quoted newlines, an optional UTF-8 BOM.
 */
public final class Csv {
  public static final char SEPARATOR = ';';

  private Csv() {}

  /** Reads every record; the first one is the header. */
  public static List<List<String>> readAll(InputStream in, Charset charset) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset))) {
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
      if (i > 0) {
        out.write(SEPARATOR);
      }
      out.write(quote(values.get(i)));
    }
    out.write("\r\n");
  }

  static String quote(String value) {
    if (value == null) {
      return "";
    }
    if (FormulaText.dangerous(value)) {
      return '"' + FormulaText.neutralise(value).replace("\"", "\"\"") + '"';
    }
    boolean needs = value.indexOf(SEPARATOR) >= 0 || value.indexOf('"') >= 0
        || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /** A file that is not well-formed CSV; the message is French and quotes no value. */
  public static final class MalformedException extends IOException {
    MalformedException(String message) {
      super(message);
    }
  }

  /**
   * A streaming record parser, for files too large to hold. Records end at LF, CRLF or a lone CR
   * (old Mac Excel); a quote left open at the end of the file, a field longer than a spreadsheet
   * cell or a record wider than a sheet is a {@link MalformedException}, never rows silently lost.
   */
  public static final class Parser {
    /** Excel's limits: characters in a cell, columns in a sheet. */
    public static final int MAX_FIELD = 32_767;
    public static final int MAX_FIELDS = 16_384;

    private final BufferedReader reader;
    private final char separator;
    private boolean first = true;
    private int line = 1;

    public Parser(BufferedReader reader, char separator) {
      this.reader = reader;
      this.separator = separator;
    }

    /** The next record, or null at the end. */
    public List<String> next() throws IOException {
      int c = reader.read();
      if (first && c == '\uFEFF') {
        c = reader.read();
      }
      first = false;
      if (c < 0) {
        return null;
      }
      int startLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      while (true) {
        if (quoted) {
          if (c < 0) {
            throw new MalformedException("guillemet ouvert à la ligne " + startLine + " jamais refermé");
          }
          if (c == '"') {
            reader.mark(1);
            int d = reader.read();
            if (d == '"') {
              append(field, '"', startLine);
            } else {
              quoted = false;
              if (d >= 0) {
                reader.reset();
              }
            }
          } else {
            countLine(c);
            append(field, (char) c, startLine);
          }
        } else if (c < 0 || c == '\n' || c == '\r') {
          add(fields, field, startLine);
          if (c == '\r') {
            skipLf();
          }
          line++;
          return fields;
        } else if (c == separator) {
          add(fields, field, startLine);
          field.setLength(0);
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else {
          append(field, (char) c, startLine);
        }
        c = reader.read();
      }
    }

    private void countLine(int c) throws IOException {
      if (c == '\n') {
        line++;
      } else if (c == '\r') {
        reader.mark(1);
        if (reader.read() != '\n') {
          line++;
        }
        reader.reset();
      }
    }

    private void skipLf() throws IOException {
      reader.mark(1);
      if (reader.read() != '\n') {
        reader.reset();
      }
    }

    private static void append(StringBuilder field, char c, int line) throws MalformedException {
      if (field.length() >= MAX_FIELD) {
        throw new MalformedException("champ de plus de " + MAX_FIELD + " caractères (limite d'une cellule Excel) "
            + "dans l'enregistrement commençant à la ligne " + line);
      }
      field.append(c);
    }

    private static void add(List<String> fields, StringBuilder field, int line) throws MalformedException {
      if (fields.size() >= MAX_FIELDS) {
        throw new MalformedException("plus de " + MAX_FIELDS + " colonnes (limite d'une feuille Excel) "
            + "à la ligne " + line);
      }
      fields.add(field.toString());
    }
  }
}
