package fr.oref.devenir.publish;

import fr.oref.devenir.contracts.Parameters;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notebooks of notebooks/ (packaged in the jar) executed on the publications under a folder and
 * rendered as HTML into a wave's restricted observatory folder, so that a reader without Jupyter sees
 * them. Jupyter is optional (Debian's jupyter-nbconvert, r-cran-irkernel, python3-pandas,
 * python3-matplotlib): without it nothing is rendered and the result says why.
 */
public final class Notebooks {
  private static final Logger LOG = LoggerFactory.getLogger(Notebooks.class);
  /** Inside a wave's publication: beside the extract the notebooks read, never in the public region/. */
  public static final String FOLDER = "observatoire/carnets";

  private Notebooks() {}

  /** {@code skipped}: why nothing ran (null when Jupyter ran); {@code failures}: one line per notebook in error. */
  public record Result(List<Path> rendered, List<String> failures, String skipped) {}

  /**
   * @param publications the folder the notebooks read (their DEVENIR_OUT): every wave published under it
   * @param wave the wave's publication, which receives the HTML
   */
  public static Result render(String publications, String wave) throws IOException, InterruptedException {
    Path root = local(publications);
    Path target = local(wave);
    if (root == null || target == null) {
      return skipped("publication hors du disque local");
    }
    if (!jupyter()) {
      return skipped("jupyter nbconvert absent");
    }
    Path work = Files.createTempDirectory("devenir-notebooks-", PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    List<Path> rendered = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    try {
      for (Path notebook : unpack(work)) {
        String name = notebook.getFileName().toString();
        // the HTML quotes unit-level results: owner-only, as every file of the publication
        ProcessBuilder nbconvert = new ProcessBuilder("/bin/sh", "-c", "umask 077 && exec \"$@\"", "sh", "jupyter",
            "nbconvert", "--to", "html", "--execute", "--output-dir", target.resolve(FOLDER).toString(),
            notebook.toString()).directory(work.toFile()).redirectErrorStream(true);
        nbconvert.environment().put("DEVENIR_OUT", root.toString());
        nbconvert.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Process p = nbconvert.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() == 0) {
          rendered.add(target.resolve(FOLDER).resolve(name.replaceFirst("\\.ipynb$", ".html")));
        } else {
          failures.add(name + " : " + lastLine(output));
        }
      }
    } finally {
      try (Stream<Path> walk = Files.walk(work)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    LOG.info("carnets : {} rendus, {} en échec", rendered.size(), failures.size());
    return new Result(rendered, failures, null);
  }

  private static Result skipped(String why) {
    LOG.info("carnets non exécutés : {}", why);
    return new Result(List.of(), List.of(), why);
  }

  /** A local folder as an absolute path; null for another file system (HDFS, S3), which Jupyter cannot read. */
  static Path local(String folder) {
    URI uri = new org.apache.hadoop.fs.Path(folder).toUri();
    if (uri.getScheme() == null) {
      return Path.of(uri.getPath()).toAbsolutePath().normalize();
    }
    return "file".equals(uri.getScheme()) ? Path.of(uri.getPath()).normalize() : null;
  }

  private static boolean jupyter() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("jupyter", "nbconvert", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The packaged notebooks, copied into {@code work}: from the jar, or from target/classes in a build. */
  private static List<Path> unpack(Path work) throws IOException {
    Path source;
    try {
      source = Path.of(Notebooks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    if (Files.isDirectory(source)) {
      return copy(source, work);
    }
    try (FileSystem jar = FileSystems.newFileSystem(source)) {
      return copy(jar.getPath("/"), work);
    }
  }

  /** The notebooks, and the parameters they state (the intervals' level) beside them. */
  private static List<Path> copy(Path root, Path work) throws IOException {
    Path parameters = root.resolve(Parameters.FILE);
    Files.copy(parameters, work.resolve(parameters.getFileName().toString()));
    List<Path> copies = new ArrayList<>();
    try (Stream<Path> list = Files.list(root.resolve("notebooks"))) {
      for (Path nb : list.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList()) {
        copies.add(Files.copy(nb, work.resolve(nb.getFileName().toString())));
      }
    }
    return copies;
  }

  /** What a failed execution ends with (the error of the cell), without terminal colours. */
  static String lastLine(String output) {
    List<String> lines = output.replaceAll("\u001B\\[[0-9;]*m", "").lines().filter(l -> !l.isBlank()).toList();
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    return last.length() > 200 ? last.substring(0, 200) + "…" : last;
  }
}
