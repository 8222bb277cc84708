package fr.oref.devenir.ingest;

import fr.oref.devenir.contracts.Schemas;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Rows;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses one file on an executor and hands its records to Spark lazily. POI's SAX parser pushes
 * rows; Spark pulls them: a reader thread and a small bounded queue join the two, so a million-row
 * workbook never sits in memory. The file is copied to local disk first (the zip needs random
 * access) and hashed on the way. However the parse ends — refused, out of memory, its thread dead,
 * or past its time — the last record is the file's, so no file is ever silently absent: its DATA
 * rows are only kept when that record says OK.
 */
final class ParsePump implements Iterator<Row> {
  private static final Logger LOG = LoggerFactory.getLogger(ParsePump.class);
  private static final Object END = new Object();
  /** How long past the parse's own time limit the consumer waits before giving up on its thread. */
  private static final Duration GRACE = Duration.ofSeconds(30);

  /** Reads a local copy of a file: {@link LeaverFileReader#read}. */
  @FunctionalInterface
  interface Parser extends Serializable {
    FileSummary read(File local, String name, Consumer<LeaverFileReader.DataRow> out);
  }

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1024);
  private final String path;
  private final Thread thread;
  private final Instant giveUpAt;
  private volatile String hash;
  private volatile long size;
  private boolean ended;
  private boolean timedOut;
  private Object next;

  ParsePump(Parser parser, HadoopFiles files, String path, Duration timeLimit) {
    this.path = path;
    this.giveUpAt = Instant.now().plus(timeLimit).plus(GRACE);
    this.thread = new Thread(() -> {
      try {
        pump(parser, files);
      } catch (InterruptedRuntime e) {
        // the consumer gave up on this parse and recorded it FAILED
      }
    }, "leaver-parse");
    thread.setDaemon(true);
    thread.start();
  }

  private void pump(Parser parser, HadoopFiles files) {
    Path local = null;
    String name = new org.apache.hadoop.fs.Path(path).getName();
    try {
      local = TempCopies.create(name);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(files.open(path), sha);
           OutputStream out = Files.newOutputStream(local)) {
        size = in.transferTo(out);
      }
      String fileHash = HexFormat.of().formatHex(sha.digest());
      hash = fileHash;
      FileSummary summary = parser.read(local.toFile(), name, row -> put(ParseRecords.data(path, fileHash, row)));
      put(ParseRecords.file(path, fileHash(), size, summary));
    } catch (InterruptedRuntime e) {
      throw e;
    } catch (Throwable e) { // NOPMD: an OutOfMemoryError or a dead thread must still leave the file's record
      // the class only: a library's message may quote a cell
      LOG.info("Lecture interrompue d'un fichier : {}", e.getClass().getName());
      put(ParseRecords.file(path, fileHash(), size, FileSummary.failed("UNREADABLE",
          "La lecture du fichier s'est interrompue" + (e instanceof OutOfMemoryError ? " faute de mémoire" : "")
              + " : le fichier est anormalement lourd ou abîmé, enregistrez-le de nouveau depuis Excel.")));
    } finally {
      delete(local);
    }
    put(END);
  }

  private static void delete(Path local) {
    if (local != null && !local.toFile().delete()) {
      local.toFile().deleteOnExit();
    }
  }

  /** The file's hash, or, when its bytes could not even be copied, one of its path so the record has a key. */
  private String fileHash() {
    if (hash != null) {
      return hash;
    }
    try {
      return "path-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(path.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void put(Object o) {
    try {
      queue.put(o);
    } catch (InterruptedException e) {
      throw new InterruptedRuntime();
    }
  }

  /** The consumer gave up on this parse: its thread stops without a word. */
  private static final class InterruptedRuntime extends RuntimeException {
    InterruptedRuntime() {
      super(null, null, false, false);
    }
  }

  @Override
  public boolean hasNext() {
    if (ended) {
      return false;
    }
    if (next == null) {
      if (timedOut) {
        ended = true;
        return false;
      }
      next = take();
    }
    ended = next == END;
    return !ended;
  }

  /** The next record; past the time limit and its grace, the file's FAILED record instead of waiting on. */
  private Object take() {
    try {
      long waitMs = Math.max(0, Duration.between(Instant.now(), giveUpAt).toMillis());
      Object o = queue.poll(waitMs, TimeUnit.MILLISECONDS);
      if (o != null) {
        return o;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timedOut = true;
    thread.interrupt();
    queue.clear();
    return ParseRecords.file(path, fileHash(), size, FileSummary.failed("TIMEOUT",
        "La lecture du fichier n'a pas abouti dans le délai imparti : le fichier est anormalement lourd ou abîmé, "
            + "enregistrez-le de nouveau depuis Excel."));
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = (Row) next;
    next = null;
    return row;
  }

  /** Rows of the {@code staging.leaver_parse} contract. */
  static final class ParseRecords {
    private ParseRecords() {}

    private static final StructType SCHEMA = Schemas.of("staging.leaver_parse");

    static Row data(String path, String hash, LeaverFileReader.DataRow row) {
      Map<String, Object> values = record("DATA", path, hash);
      values.put("sheet", row.sheet());
      values.put("row_number", row.rowNumber());
      values.put("cells", row.cells());
      return Rows.of(SCHEMA, values);
    }

    static Row file(String path, String hash, long size, FileSummary s) {
      Map<String, Object> values = record("FILE", path, hash);
      values.put("file_size", size);
      values.put("file_format", s.format());
      values.put("sheet", s.sheet());
      values.put("status", s.status());
      values.put("message", s.message());
      values.put("header_row", s.headerRow());
      values.put("matched_columns", s.matchedColumns().toArray(String[]::new));
      values.put("extra_columns", s.extraColumns().toArray(String[]::new));
      values.put("missing_columns", s.missingColumns().toArray(String[]::new));
      values.put("rows_read", s.rowsRead());
      values.put("file_cfa", s.fileCfa());
      return Rows.of(SCHEMA, values);
    }

    private static Map<String, Object> record(String type, String path, String hash) {
      Map<String, Object> values = new HashMap<>();
      values.put("record_type", type);
      values.put("source_file", path);
      values.put("file_hash", hash);
      return values;
    }
  }
}
