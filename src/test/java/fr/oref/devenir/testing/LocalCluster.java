package fr.oref.devenir.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster (a master and two one-core workers, each its own JVM on 127.0.0.1) on the
 * Spark home Maven assembles in target/spark-home, and an S3-compatible server (Adobe's S3Mock, its
 * own JVM) holding one bucket; the cluster's spark-defaults.conf points s3a:// at it. Every process
 * it started, and theirs (executors), is stopped by {@link #close}.
 */
public final class LocalCluster implements AutoCloseable {
  public static final String BUCKET = "bucket";
  private static final Path HOME = Path.of("target/spark-home").toAbsolutePath();
  private static final String SMALL_JVM = "-Xmx192m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
  private final Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String s3;
  private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");
  private static final Pattern MASTER_UI = Pattern.compile("Bound MasterWebUI to \\S+ and started at (http://\\S+)");
  /** Every JVM started here and still running: the services (log {@code name.log}) and a submit in flight. */
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private String master;
  private String masterUi;

  /**
   * Starts everything in {@code dir}; a start that fails (a port taken between its choice and its use, a
   * JVM that died on a loaded machine) is retried once in a folder of its own, and a second failure names
   * each process's state and the last warnings of its log.
   */
  public static LocalCluster start(Path dir) throws IOException {
    try {
      return new LocalCluster(Files.createDirectories(dir.resolve("start-1")));
    } catch (AssertionError first) {
      try {
        return new LocalCluster(Files.createDirectories(dir.resolve("start-2")));
      } catch (AssertionError second) {
        second.addSuppressed(first);
        throw second;
      }
    }
  }

  private LocalCluster(Path dir) throws IOException {
    this.dir = dir;
    assertTrue(Files.isDirectory(HOME.resolve("jars")) && Files.isRegularFile(Path.of("target/devenir.jar")),
        "target/spark-home/jars and target/devenir.jar are built by mvn test-compile / process-test-classes");
    int s3Port = freePort();
    s3 = "http://127.0.0.1:" + s3Port;
    try {
      start("s3mock", List.of("java", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
          "target/s3mock/s3mock-exec.jar", "--com.adobe.testing.s3mock.httpPort=" + s3Port, "--server.port=0",
          "--server.address=127.0.0.1", "--com.adobe.testing.s3mock.domain.root=" + dir.resolve("s3"),
          "--com.adobe.testing.s3mock.domain.initialBuckets=" + BUCKET));
      // ports 0: the master binds free ones and says which in its log, where the workers and the test read them
      start("master", List.of("tools/spark-class", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
          "--port", "0", "--webui-port", "0"));
      await("the master says where it listens", () -> logged("master", MASTER_URL) != null
          && logged("master", MASTER_UI) != null);
      master = logged("master", MASTER_URL);
      masterUi = logged("master", MASTER_UI);
      for (String worker : List.of("worker-1", "worker-2")) {
        // 2g offered: ingest-leavers asks executors of that size (jobs/ingest-leavers.properties)
        start(worker, List.of("tools/spark-class", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
            "--cores", "1", "--memory", "2g", "--webui-port", "0", "--work-dir", dir.resolve(worker).toString(),
            master));
      }
      writeSparkDefaults();
      await("S3Mock answers", () -> get(s3 + "/" + BUCKET + "?list-type=2") == 200);
      await("the master has two workers", () -> aliveWorkers() == 2);
    } catch (RuntimeException | IOException | AssertionError e) {
      close();
      throw e;
    }
  }

  /** The cluster's settings, as an operator puts them in $SPARK_CONF_DIR/spark-defaults.conf. */
  private void writeSparkDefaults() throws IOException {
    String defaults = new String(LocalCluster.class.getResourceAsStream("/cluster/spark-defaults.conf").readAllBytes(),
        StandardCharsets.UTF_8).replace("${s3.endpoint}", s3);
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf/spark-defaults.conf"), defaults);
  }

  /** The Hadoop settings of the cluster's spark-defaults.conf (spark.hadoop.*), for a reader outside it. */
  public Map<String, String> hadoopSettings() {
    try {
      Map<String, String> settings = new java.util.TreeMap<>();
      for (String line : Files.readAllLines(dir.resolve("conf/spark-defaults.conf"))) {
        if (line.startsWith("spark.hadoop.")) {
          String[] kv = line.substring("spark.hadoop.".length()).split(" ", 2);
          settings.put(kv[0], kv[1]);
        }
      }
      return settings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** s3a:// URI of a key of the bucket. */
  public static String s3a(String key) {
    return "s3a://" + BUCKET + "/" + key;
  }

  /** Copies a local file to the bucket (S3Mock checks no signature: a plain PUT). */
  public void put(Path file, String key) throws IOException, InterruptedException {
    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(s3 + "/" + BUCKET + "/" + key))
        .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
        HttpResponse.BodyHandlers.discarding());
    assertTrue(r.statusCode() == 200, "PUT " + key + " : " + r.statusCode());
  }

  /**
   * {@code jobs/submit JOB key=value…} in client mode on this cluster, with tools/spark-submit (the jars'
   * SparkSubmit); returns its exit code, its output in {@code log}.
   */
  public int submit(Path log, Map<String, String> env, String job, String... placeholders)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("jobs/submit", job));
    command.addAll(List.of(placeholders));
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    b.environment().putAll(Map.of("SPARK_SUBMIT", "tools/spark-submit", "SPARK_MASTER", master,
        "SPARK_DEPLOY_MODE", "client", "SPARK_CONF_DIR", dir.resolve("conf").toString(),
        "SPARK_JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"));
    b.environment().putAll(env);
    String name = "submit-" + job;
    processes.put(name, b.start());
    try {
      return processes.get(name).waitFor();
    } finally {
      processes.remove(name);
    }
  }

  /** The applications the master saw finish, by name. */
  public List<String> completedApplications() {
    List<String> names = new ArrayList<>();
    masterState().path("completedapps").forEach(a -> names.add(a.path("name").asText()));
    return names;
  }

  private int aliveWorkers() {
    return masterState().path("aliveworkers").asInt(0);
  }

  private JsonNode masterState() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(masterUi + "/json/"))
          .build(), HttpResponse.BodyHandlers.ofString());
      return new ObjectMapper().readTree(r.body());
    } catch (IOException e) {
      return new ObjectMapper().createObjectNode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int get(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void start(String name, List<String> command) throws IOException {
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    b.environment().putAll(Map.of("SPARK_LOCAL_IP", "127.0.0.1", "SPARK_JAVA_OPTS", SMALL_JVM));
    processes.put(name, b.start());
  }

  /** The first group of {@code pattern} in a service's log, or null while it is not there. */
  private String logged(String service, Pattern pattern) {
    try {
      Matcher m = pattern.matcher(Files.readString(dir.resolve(service + ".log")));
      return m.find() ? m.group(1) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Waits for a service (two minutes at most, for a loaded machine), saying what each process did when it never comes. */
  private void await(String what, BooleanSupplier ready) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!ready.getAsBoolean()) {
      if (System.nanoTime() > deadline || !processes.values().stream().allMatch(Process::isAlive)) {
        throw new AssertionError("the cluster did not start (" + what + ") in " + dir + diagnosis());
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Each service alive or its exit code, and the last warnings and errors of its log. */
  private String diagnosis() {
    StringBuilder b = new StringBuilder();
    processes.forEach((name, p) -> {
      b.append("\n").append(name).append(p.isAlive() ? " : alive" : " : exited " + p.exitValue());
      try (Stream<String> lines = Files.lines(dir.resolve(name + ".log"))) {
        List<String> warnings = lines.filter(l -> !l.contains(" INFO ") && !l.isBlank()).toList();
        warnings.subList(Math.max(0, warnings.size() - 6), warnings.size()).forEach(l -> b.append("\n  ").append(l));
      } catch (IOException | UncheckedIOException e) {
        b.append(" (log unreadable)");
      }
    });
    return b.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops the executors first (children of the workers), then every JVM started here. */
  @Override
  public void close() {
    for (Process p : List.copyOf(processes.values())) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : List.copyOf(processes.values())) {
      try {
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException(e));
      }
    }
    processes.clear();
  }
}
