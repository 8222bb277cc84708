package fr.oref.devenir.ingest;

import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Rows;
import fr.oref.devenir.text.Csv;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one survey export on an executor and hands its records to Spark one at a time, so a national
 * wave's export (500,000 answers) never sits whole in the driver. Each record comes with its row number
 * (the header is row 1, as in a spreadsheet), its cells by contract column and its ID_SEINE; wholly blank
 * records are skipped. A malformed export ends with one record carrying only the reason, so the job can
 * refuse the whole file before writing anything.
 */
final class ExportRecords implements FlatMapFunction<String, Row> {
  static final StructType SCHEMA = new StructType()
      .add("row_number", DataTypes.IntegerType)
      .add("id", DataTypes.StringType)
      .add("cells", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
      .add("malformed", DataTypes.StringType);

  /** How much of the file the encoding is guessed from. */
  private static final int SNIFFED = 65536;

  private final HadoopFiles files;
  private final String charset;
  private final Map<String, Integer> columns;

  /** @param columns each contract column's position in the export's header */
  ExportRecords(HadoopFiles files, Charset charset, Map<String, Integer> columns) {
    this.files = files;
    this.charset = charset.name();
    // sorted: the same export gives the same cells map in every JVM, so reloading it changes no row
    this.columns = new TreeMap<>(columns);
  }

  /** The export's encoding and first record (null when the file is empty), read on the driver to find its columns. */
  record Head(Charset charset, List<String> header) {}

  /** Reads {@link Head} in one opening of the file: the encoding from its first 64 KiB, then the header from the start. */
  static Head head(HadoopFiles files, String path) throws IOException {
    try (BufferedInputStream in = new BufferedInputStream(files.open(path), SNIFFED)) {
      in.mark(SNIFFED);
      Charset charset = CsvReader.detectCharset(in.readNBytes(SNIFFED));
      in.reset();
      return new Head(charset, new Csv.Parser(new BufferedReader(new InputStreamReader(in, charset)), ';').next());
    }
  }

  @Override
  public Iterator<Row> call(String path) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(files.open(path), Charset.forName(charset)));
    Csv.Parser parser = new Csv.Parser(reader, ';');
    parser.next();
    return new Iterator<>() {
      private int rowNumber = 1;
      private Row next;
      private boolean ended;

      @Override
      public boolean hasNext() {
        if (next == null && !ended) {
          next = advance();
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
      }

      private Row advance() {
        try {
          for (List<String> record = parser.next(); record != null; record = parser.next()) {
            rowNumber++;
            // a row with text only outside the export's columns is still a row: rejected later, not skipped
            if (!record.stream().allMatch(String::isBlank)) {
              return row(rowNumber, record);
            }
          }
          end();
          return null;
        } catch (Csv.MalformedException e) {
          end();
          return Rows.of(SCHEMA, Map.of("malformed", e.getMessage()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      private void end() {
        ended = true;
        try {
          reader.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private Row row(int rowNumber, List<String> record) {
    Map<String, String> cells = new LinkedHashMap<>();
    columns.forEach((column, position) -> {
      if (position < record.size() && !record.get(position).isBlank()) {
        cells.put(column, record.get(position));
      }
    });
    return Rows.of(SCHEMA, Map.of("row_number", rowNumber, "id", cells.getOrDefault("ID_SEINE", "").trim(),
        "cells", cells));
  }
}
