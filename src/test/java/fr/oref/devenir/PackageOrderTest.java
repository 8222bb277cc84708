package fr.oref.devenir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the campaign: each may use those before it in {@link #ORDER}, never one after
 * it, so no two packages import each other. Read from the sources (imports and qualified names), no
 * Spark. docs/architecture.md draws this order.
 */
class PackageOrderTest {
  /** The one place the order is written: helpers first, then the campaign's stages, then what drives them. */
  static final List<String> ORDER = List.of("text", "reference", "values", "contracts", "lake", "privacy",
      "ingest", "clean", "survey", "outcomes", "stats", "publish", "sample", "campaign", "cli");
  private static final Path MAIN = Path.of("src/main/java/fr/oref/devenir");
  private static final Path SOURCES = Path.of("src");
  private static final int MAX_LINES = 300;
  private static final Pattern USE = Pattern.compile("fr\\.oref\\.devenir\\.([a-z]+)\\.");

  @Test
  void everyPackageHasItsPlaceAndImportsOnlyEarlierOnes() {
    Map<String, Set<String>> imports = imports(MAIN);
    assertEquals(new TreeSet<>(ORDER), new TreeSet<>(imports.keySet()),
        "every package of src/main has its place in ORDER, and ORDER names only existing packages");
    assertEquals(List.of(), laterImports(imports, ORDER));
    assertEquals(List.of(), cycles(imports));
  }

  @Test
  void theChecksFindALaterImportAndACycle() {
    Map<String, Set<String>> cyclic = Map.of("ingest", Set.of("clean"), "clean", Set.of("ingest", "lake"),
        "lake", Set.of());
    assertEquals(List.of("ingest imports clean, which comes later"),
        laterImports(cyclic, List.of("lake", "ingest", "clean")));
    assertEquals(List.of("clean → ingest → clean"), cycles(cyclic));
    assertEquals(List.of(), cycles(Map.of("clean", Set.of("ingest"), "ingest", Set.of())));
  }

  @Test
  void noSourceFileIsLongerThanTheHouseLimit() throws IOException {
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        long lines = Files.readAllLines(f).size();
        if (lines > MAX_LINES) {
          tooLong.add(f + " (" + lines + " lines)");
        }
      }
    }
    assertEquals(List.of(), tooLong, "split these files: no more than " + MAX_LINES + " lines each");
  }

  /** Package → the other packages its files name (in an import or a qualified name). */
  static Map<String, Set<String>> imports(Path root) {
    Map<String, Set<String>> imports = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = root.relativize(f).getName(0).toString();
        Set<String> used = imports.computeIfAbsent(pkg, k -> new TreeSet<>());
        for (String line : Files.readAllLines(f)) {
          Matcher m = USE.matcher(line);
          while (!line.startsWith("package ") && m.find()) {
            used.add(m.group(1));
          }
        }
        used.remove(pkg);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return imports;
  }

  static List<String> laterImports(Map<String, Set<String>> imports, List<String> order) {
    List<String> found = new ArrayList<>();
    new TreeMap<>(imports).forEach((pkg, used) -> used.stream()
        .filter(u -> order.indexOf(u) > order.indexOf(pkg))
        .forEach(u -> found.add(pkg + " imports " + u + ", which comes later")));
    return found;
  }

  /** Each cycle once, from its alphabetically first package, found by depth-first search. */
  static List<String> cycles(Map<String, Set<String>> imports) {
    Set<String> found = new TreeSet<>();
    for (String start : new TreeSet<>(imports.keySet())) {
      walk(imports, start, new ArrayList<>(List.of(start)), found);
    }
    return List.copyOf(found);
  }

  private static void walk(Map<String, Set<String>> imports, String start, List<String> path, Set<String> found) {
    for (String next : new TreeSet<>(imports.getOrDefault(path.get(path.size() - 1), Set.of()))) {
      if (next.equals(start)) {
        found.add(String.join(" → ", path) + " → " + start);
      } else if (next.compareTo(start) > 0 && !path.contains(next)) {
        path.add(next);
        walk(imports, start, path, found);
        path.remove(path.size() - 1);
      }
    }
  }
}
