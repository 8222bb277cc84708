package fr.oref.devenir.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer at a time on a lake: a lock file {@code _devenir/lock} under the lake root, created with
 * an exclusive create (the operating system's on a local disk, {@code FileSystem.create(path,
 * overwrite=false)} on HDFS, both atomic), so of two jobs started together exactly one gets it and the
 * other waits, says so once, and gives up after a timeout. The file names its holder (command, pid,
 * host, start) and the holder touches it every {@link #HEARTBEAT}. A lock is stale — left by a killed
 * job — when its holder ran on this host and its pid is gone, or when nobody touched it for
 * {@link #STALE_AFTER} (a driver killed on another host); a stale lock is taken over. On object stores
 * (S3) creation is not atomic: see docs/choices.md.
 */
public final class LakeLock implements AutoCloseable {
  public static final String RELATIVE_PATH = "_devenir/lock";
  private static final Logger LOG = LoggerFactory.getLogger(LakeLock.class);
  private static final Duration FIRST_POLL = Duration.ofMillis(200);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(5);
  static final Duration HEARTBEAT = Duration.ofSeconds(30);
  /** Twenty missed heartbeats: far beyond a GC pause or the clock skew between two hosts. */
  static final Duration STALE_AFTER = Duration.ofMinutes(10);

  private final FileSystem fs;
  private final Path path;
  private final ScheduledExecutorService heartbeat;

  private LakeLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "devenir-lake-lock");
      t.setDaemon(true);
      return t;
    });
    heartbeat.scheduleAtFixedRate(this::touch, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void touch() {
    try {
      fs.setTimes(path, System.currentTimeMillis(), -1);
    } catch (IOException e) {
      LOG.warn("lake lock heartbeat failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Who holds a lock: read back from the lock file. */
  public record Holder(String command, long pid, String host, Instant since) {
    String describe() {
      return "« " + command + " » (pid " + pid + ", hôte " + host + ", depuis " + since + ")";
    }
  }

  /**
   * Takes the lake's lock for {@code command}, waiting up to {@code timeout} for its holder; {@code say}
   * receives the one-line French notice that the job waits.
   */
  public static LakeLock acquire(Configuration conf, String lakeRoot, String command, Duration timeout,
      Consumer<String> say) throws IOException, InterruptedException {
    Path path = new Path(lakeRoot, RELATIVE_PATH);
    FileSystem fs = path.getFileSystem(conf);
    Holder me = new Holder(command, ProcessHandle.current().pid(), host(), Instant.now());
    Instant deadline = Instant.now().plus(timeout);
    Duration poll = FIRST_POLL;
    boolean told = false;
    while (true) {
      if (tryCreate(fs, path, me)) {
        LOG.info("lake lock taken by {}", command);
        return new LakeLock(fs, path);
      }
      Holder holder = read(fs, path);
      if (holder == null) {
        continue; // released between our attempt and our read: try again at once
      }
      if (stale(holder, fs, path)) {
        if (removeStale(fs, path, holder, me)) {
          LOG.warn("stale lake lock of {} (pid {}) removed", holder.command(), holder.pid());
          say.accept("Verrou du lac laissé par " + holder.describe() + ", qui ne tourne plus : verrou repris.");
        }
        continue;
      }
      if (!Instant.now().isBefore(deadline)) {
        throw new LakeBusyException("Le lac " + lakeRoot + " est occupé par " + holder.describe() + " : abandon après "
            + timeout.toSeconds() + " s d'attente ; relancez plus tard, ou si aucun job ne tourne, supprimez " + path + ".");
      }
      if (!told) {
        say.accept("Le lac est occupé par " + holder.describe() + " : attente de la fin de ce job (au plus "
            + timeout.toSeconds() + " s)…");
        told = true;
      }
      Thread.sleep(Math.min(poll.toMillis(), Math.max(1, Duration.between(Instant.now(), deadline).toMillis())));
      poll = poll.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : poll.multipliedBy(2);
    }
  }

  /** Thrown when the lock stays held past the timeout: the message is for the user. */
  public static final class LakeBusyException extends IllegalStateException {
    LakeBusyException(String message) {
      super(message);
    }
  }

  /**
   * Creates the lock file only if it does not exist, atomically. Hadoop's local file system checks then
   * creates (two processes can both pass), so a local lake uses the operating system's exclusive create.
   */
  private static boolean tryCreate(FileSystem fs, Path path, Holder me) throws IOException {
    Properties p = new Properties();
    p.setProperty("command", me.command());
    p.setProperty("pid", String.valueOf(me.pid()));
    p.setProperty("host", me.host());
    p.setProperty("since", me.since().toString());
    try (OutputStream out = createNew(fs, path)) {
      p.store(out, "Devenir: lake lock");
      return true;
    } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      // some file systems report an existing file with a plain IOException
      if (fs.exists(path)) {
        return false;
      }
      throw e;
    }
  }

  private static OutputStream createNew(FileSystem fs, Path path) throws IOException {
    if (fs instanceof LocalFileSystem local) {
      java.nio.file.Path file = local.pathToFile(path).toPath();
      HadoopFiles.mkdirs(fs, path.getParent());
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      return Files.newOutputStream(file, StandardOpenOption.WRITE);
    }
    HadoopFiles.mkdirs(fs, path.getParent());
    return fs.create(path, false);
  }

  /** The holder named in the lock file, null when it is gone; a file being written counts as fresh. */
  static Holder read(FileSystem fs, Path path) throws IOException {
    Properties p = new Properties();
    try (InputStream in = fs.open(path)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
    } catch (FileNotFoundException e) {
      return null;
    }
    try {
      return new Holder(p.getProperty("command"), Long.parseLong(p.getProperty("pid")), p.getProperty("host"),
          Instant.parse(p.getProperty("since")));
    } catch (RuntimeException e) {
      return new Holder("?", -1, "?", Instant.EPOCH);
    }
  }

  /**
   * Moves the stale lock aside (a rename: of two waiters only one succeeds) and deletes it; if what was
   * moved is not the stale lock any more (another waiter took over in between), it is put back.
   */
  private static boolean removeStale(FileSystem fs, Path path, Holder stale, Holder me) throws IOException {
    Path aside = new Path(path.getParent(), "lock.stale-" + me.pid() + "-" + System.nanoTime());
    if (!fs.rename(path, aside)) {
      return false;
    }
    if (!stale.equals(read(fs, aside))) {
      fs.rename(aside, path);
      return false;
    }
    fs.delete(aside, false);
    return true;
  }

  /** Left by a killed job: its pid is gone from this host, or nobody has touched it for {@link #STALE_AFTER}. */
  static boolean stale(Holder holder, FileSystem fs, Path path) throws IOException {
    boolean deadHere = holder.pid() > 0 && host().equals(holder.host())
        && ProcessHandle.of(holder.pid()).map(h -> !h.isAlive()).orElse(true);
    try {
      return deadHere || fs.getFileStatus(path).getModificationTime() < System.currentTimeMillis() - STALE_AFTER.toMillis();
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      fs.delete(path, false);
      LOG.info("lake lock released");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
