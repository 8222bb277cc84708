package fr.oref.devenir.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Local copies of the files being parsed hold nominative data: they live in one folder per JVM that
 * only its user can open (700, files 600), each is deleted once parsed, the folder on exit, and the
 * folders a killed JVM left behind are removed by the next one.
 */
final class TempCopies {
  private static final String PREFIX = "devenir-parse-";
  private static final Pattern FOLDER = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static Path folder;

  private TempCopies() {}

  /** A new empty private file for a copy of {@code name}. */
  static Path create(String name) throws IOException {
    return Files.createTempFile(folder(), "", "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"),
        attributes("rw-------"));
  }

  private static synchronized Path folder() throws IOException {
    if (folder == null || !Files.isDirectory(folder)) {
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      removeStale(tmp);
      folder = Files.createTempDirectory(tmp, PREFIX + ProcessHandle.current().pid() + "-", attributes("rwx------"));
      folder.toFile().deleteOnExit();
    }
    return folder;
  }

  private static FileAttribute<?>[] attributes(String permissions) {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
        : new FileAttribute<?>[0];
  }

  /** Deletes the copy folders under {@code tmp} whose JVM is gone. */
  static void removeStale(Path tmp) throws IOException {
    try (Stream<Path> children = Files.list(tmp)) {
      children.filter(p -> deadOwner(p.getFileName().toString())).forEach(TempCopies::deleteTree);
    }
  }

  private static boolean deadOwner(String name) {
    Matcher m = FOLDER.matcher(name);
    if (!m.matches()) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // another user's folder, or one removed meanwhile: not ours to clean
    }
  }
}
