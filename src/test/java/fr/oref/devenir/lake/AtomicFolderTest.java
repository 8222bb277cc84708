package fr.oref.devenir.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder replaced whole: absent or complete for a reader, leftovers of a killed run cleared or put back. */
class AtomicFolderTest {
  private final HadoopFiles files = new HadoopFiles(new Configuration());
  @TempDir Path out;

  private List<String> names() throws Exception {
    try (Stream<Path> s = Files.list(out)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theTargetAppearsOnlyWhenCompleteAndReplacesThePreviousOne() throws Exception {
    Path target = out.resolve("C2022_V1");
    AtomicFolder first = AtomicFolder.begin(files, target.toString());
    files.writeString(first.staging() + "/region/a.csv", "1");
    assertFalse(Files.exists(target), "nothing visible while written");
    assertTrue(first.staging().contains("/.C2022_V1.tmp-"), "written under a hidden name beside it");
    first.commit();
    assertEquals("1", Files.readString(target.resolve("region/a.csv")));

    AtomicFolder second = AtomicFolder.begin(files, target.toString());
    files.writeString(second.staging() + "/region/b.csv", "2");
    assertTrue(Files.exists(target.resolve("region/a.csv")), "the previous one stays whole meanwhile");
    second.commit();
    assertFalse(Files.exists(target.resolve("region/a.csv")), "replaced whole, not merged");
    assertEquals("2", Files.readString(target.resolve("region/b.csv")));
    assertEquals(List.of("C2022_V1"), names(), "no hidden leftovers");
  }

  @Test
  void leftoversOfAKilledRunAreClearedAndAPreviousFolderMovedAsideIsPutBack() throws Exception {
    Files.createDirectories(out.resolve(".C2022_V1.tmp-killed/region"));
    Files.writeString(out.resolve(".C2022_V1.tmp-killed/region/half.csv"), "half");
    Files.createDirectories(out.resolve(".C2022_V1.old-killed/region"));
    Files.writeString(out.resolve(".C2022_V1.old-killed/region/previous.csv"), "whole");
    Files.createDirectories(out.resolve("C2022_V2"));

    AtomicFolder.begin(files, out.resolve("C2022_V1").toString());

    assertEquals(List.of("C2022_V1", "C2022_V2"), names());
    assertEquals("whole", Files.readString(out.resolve("C2022_V1/region/previous.csv")));
  }
}
