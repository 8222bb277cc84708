package fr.oref.devenir.lake;

import fr.oref.devenir.contracts.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code devenir init}: every table of the lake's contract created empty, and the lake's own metadata
 * ({@code _devenir/lake.properties}: layout version, creation date), so that jobs started together on a
 * new lake find their tables instead of racing to create them. Running it again creates only what is
 * missing.
 */
public final class LakeSetup {
  public static final String METADATA = "_devenir/lake.properties";
  /** Bumped when the lake's layout changes in a way older code cannot read. */
  static final int LAYOUT = 1;

  private LakeSetup() {}

  /** The tables it created (empty when the lake was complete already). */
  public static List<Table> init(Lake lake) throws IOException {
    List<Table> created = new ArrayList<>();
    for (Table table : Table.values()) {
      if (lake.ensure(table)) {
        created.add(table);
      }
    }
    HadoopFiles files = new HadoopFiles(lake.spark().sparkContext().hadoopConfiguration());
    String metadata = lake.root() + "/" + METADATA;
    if (!files.exists(metadata)) {
      Properties p = new Properties();
      p.setProperty("layout", String.valueOf(LAYOUT));
      p.setProperty("created_at", Instant.now().toString());
      try (OutputStream out = files.create(metadata)) {
        p.store(out, "Devenir lake");
      }
    }
    return created;
  }
}
