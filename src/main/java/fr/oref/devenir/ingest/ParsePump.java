package fr.oref.devenir.ingest;

import fr.oref.devenir.lake.HadoopFiles;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Parses one file on an executor and hands its records to Spark lazily. POI's SAX parser pushes
 * rows; Spark pulls them: a reader thread and a small bounded queue join the two, so a million-row
 * workbook never sits in memory. The file is copied to local disk first (the zip needs random
 * access) and hashed on the way.
 */
final class ParsePump implements Iterator<Row> {
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1024);
  private Object next;

  ParsePump(LeaverFileReader reader, HadoopFiles files, String path) {
    Thread thread = new Thread(() -> pump(reader, files, path), "leaver-parse");
    thread.setDaemon(true);
    thread.start();
  }

  private void pump(LeaverFileReader reader, HadoopFiles files, String path) {
    File local = null;
    String name = new org.apache.hadoop.fs.Path(path).getName();
    String hash = null;
    long size = 0;
    try {
      local = File.createTempFile("devenir-", "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(files.open(path), sha);
           OutputStream out = Files.newOutputStream(local.toPath())) {
        size = in.transferTo(out);
      }
      String fileHash = HexFormat.of().formatHex(sha.digest());
      hash = fileHash;
      FileSummary summary = reader.read(local, name, row -> put(ParseRecords.data(path, fileHash, row)));
      put(ParseRecords.file(path, fileHash, size, summary));
    } catch (Exception e) {
      put(ParseRecords.file(path, hash, size, FileSummary.failed("UNREADABLE",
          "Le fichier n'a pas pu être lu (" + e.getClass().getSimpleName() + ").")));
    } finally {
      if (local != null && !local.delete()) {
        local.deleteOnExit();
      }
      put(END);
    }
  }

  private void put(Object o) {
    try {
      queue.put(o);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return next != END;
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

    static Row data(String path, String hash, LeaverFileReader.DataRow row) {
      // Spark's row encoder takes Scala maps only
      return RowFactory.create("DATA", path, hash, null, null, row.sheet(), row.rowNumber(),
          scala.collection.JavaConverters.mapAsScalaMap(row.cells()),
          null, null, null, null, null, null, null, null);
    }

    static Row file(String path, String hash, long size, FileSummary s) {
      return RowFactory.create("FILE", path, hash, size, s.format(), s.sheet(), null, null,
          s.status(), s.message(), s.headerRow(),
          s.matchedColumns().toArray(String[]::new), s.extraColumns().toArray(String[]::new),
          s.missingColumns().toArray(String[]::new), s.rowsRead(), s.fileCfa());
    }
  }
}
