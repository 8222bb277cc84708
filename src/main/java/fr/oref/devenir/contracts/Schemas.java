package fr.oref.devenir.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructType;

/**
 * Table and record schemas, read from {@code data-schemas/tables/<name>.ddl} (Spark DDL; lines starting
 * with {@code --} describe the table).
 */
public final class Schemas {
  private static final String PROPERTY = "-- property:";
  private static final ConcurrentHashMap<String, StructType> CACHE = new ConcurrentHashMap<>();

  private Schemas() {}

  public static StructType of(String name) {
    return CACHE.computeIfAbsent(name, Schemas::load);
  }

  private static StructType load(String name) {
    String ddl = text(name).lines()
        .filter(l -> !l.strip().startsWith("--"))
        .collect(Collectors.joining("\n"));
    return StructType.fromDDL(ddl);
  }

  /**
   * Table properties declared in the contract as {@code -- property: key=value} lines, e.g. to keep
   * nominative columns out of the statistics Delta writes to its log.
   */
  public static Map<String, String> properties(String name) {
    Map<String, String> properties = new LinkedHashMap<>();
    text(name).lines().map(String::strip).filter(l -> l.startsWith(PROPERTY)).forEach(l -> {
      String[] kv = l.substring(PROPERTY.length()).strip().split("=", 2);
      properties.put(kv[0].strip(), kv[1].strip());
    });
    return properties;
  }

  private static String text(String name) {
    String path = "data-schemas/tables/" + name + ".ddl";
    try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No schema contract " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
