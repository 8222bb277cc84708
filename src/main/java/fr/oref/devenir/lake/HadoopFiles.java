package fr.oref.devenir.lake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * File access through Hadoop's FileSystem, so the same code reads a local folder, HDFS or an object
 * store. Serializable (the configuration travels as bytes) so executors can open files themselves.
 */
public final class HadoopFiles implements Serializable {
  private static final FsPermission OWNER_FILE = new FsPermission((short) 0600);
  private static final FsPermission OWNER_DIR = new FsPermission((short) 0700);
  private final byte[] conf;
  private transient Configuration configuration;

  static {
    ownerOnlyByDefault();
  }

  /**
   * Makes owner-only the umask of every Hadoop Configuration of this JVM, those already made included.
   * Setting it on the session's configuration is not enough: Hadoop caches one local FileSystem per
   * JVM and user, built with the configuration of whoever asked first (a library, a test) — a lake
   * written through it would take that configuration's umask (022: folders readable by all).
   */
  public static void ownerOnlyByDefault() {
    Configuration.addDefaultResource("devenir-hadoop-defaults.xml");
  }

  public HadoopFiles(Configuration configuration) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
      configuration.write(out);
      out.flush();
      this.conf = bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.configuration = configuration;
  }

  private Configuration configuration() {
    if (configuration == null) {
      Configuration c = new Configuration(false);
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(conf))) {
        c.readFields(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      configuration = c;
    }
    return configuration;
  }

  FileSystem fs(String path) throws IOException {
    return FileSystem.get(URI.create(new Path(path).toUri().toString()), configuration());
  }

  /**
   * On a local disk, read without the checksum layer: the files people drop have no .crc companion,
   * and the layer cannot even name one for a file called {@code sortants:2022.xlsx}.
   */
  public InputStream open(String path) throws IOException {
    FileSystem fs = fs(path);
    return (fs instanceof LocalFileSystem local ? local.getRaw() : fs).open(new Path(path));
  }

  /**
   * Files for people: no Hadoop checksum companions (.crc) beside them on a local disk, and readable
   * by their owner only (many hold names and phones), folders created alike, whatever the umask.
   */
  public OutputStream create(String path) throws IOException {
    FileSystem fs = fs(path);
    fs.setWriteChecksum(false);
    Path file = new Path(path);
    mkdirs(fs, file.getParent());
    return fs.create(file, OWNER_FILE, true, fs.getConf().getInt("io.file.buffer.size", 4096),
        fs.getDefaultReplication(file), fs.getDefaultBlockSize(file), null);
  }

  /** Creates the missing folders of {@code dir}, each owner-only (mkdirs would apply the umask). */
  public static void mkdirs(FileSystem fs, Path dir) throws IOException {
    if (dir == null || fs.exists(dir)) {
      return;
    }
    mkdirs(fs, dir.getParent());
    fs.mkdirs(dir, OWNER_DIR);
    fs.setPermission(dir, OWNER_DIR);
  }

  /** The path with its scheme and authority, as recorded in the lake so any later job can reach it. */
  public String qualified(String path) throws IOException {
    return fs(path).makeQualified(new Path(path)).toString();
  }

  /** Deletes a file; false when it was already gone. */
  public boolean delete(String path) throws IOException {
    return fs(path).delete(new Path(path), false);
  }

  /** SHA-256 of a file's bytes, in hex. */
  public String sha256(String path) throws IOException {
    try (InputStream in = open(path)) {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A UTF-8 text file (a web page), replaced if it exists. */
  public void writeString(String path, String text) throws IOException {
    try (OutputStream out = create(path)) {
      out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  public boolean exists(String path) throws IOException {
    return fs(path).exists(new Path(path));
  }

  /**
   * The regular files named, folders expanded recursively, in name order; hidden files and Excel
   * lock files ({@code ~$…}) skipped. A missing path is an error the user must see.
   */
  public List<String> expand(List<String> paths) throws IOException {
    List<String> files = new ArrayList<>();
    for (String p : paths) {
      Path path = new Path(p);
      FileSystem fs = fs(p);
      if (!fs.exists(path)) {
        throw new IllegalArgumentException("Fichier ou dossier introuvable : " + p);
      }
      collect(fs, fs.getFileStatus(path), files);
    }
    return files;
  }

  private static void collect(FileSystem fs, FileStatus status, List<String> files) throws IOException {
    String name = status.getPath().getName();
    if (name.startsWith(".") || name.startsWith("~$") || name.startsWith("_")) {
      return;
    }
    if (status.isFile()) {
      files.add(status.getPath().toString());
      return;
    }
    FileStatus[] children = fs.listStatus(status.getPath());
    java.util.Arrays.sort(children, java.util.Comparator.comparing(s -> s.getPath().getName()));
    for (FileStatus child : children) {
      collect(fs, child, files);
    }
  }
}
