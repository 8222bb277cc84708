package fr.oref.devenir.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hadoop keeps one local FileSystem per JVM, built with the configuration of whoever asked first: a
 * library or a test with a plain {@code new Configuration()} must still create owner-only folders and
 * files, or a lake written after it would be readable by every user of the machine.
 */
class HadoopFilesTest {
  @Test
  void aPlainConfigurationMadeAnywhereInTheJvmIsOwnerOnly(@TempDir Path dir) throws IOException {
    HadoopFiles.ownerOnlyByDefault();
    Configuration plain = new Configuration();
    assertEquals(new FsPermission((short) 077), FsPermission.getUMask(plain));
    try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), plain)) {
      Path table = dir.resolve("lake/gold/outcomes");
      fs.mkdirs(new org.apache.hadoop.fs.Path(table.toUri()));
      fs.create(new org.apache.hadoop.fs.Path(table.resolve("part-0.parquet").toUri())).close();
      assertEquals("rwx------", permissions(dir.resolve("lake/gold")));
      assertEquals("rw-------", permissions(table.resolve("part-0.parquet")));
    }
  }

  private static String permissions(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
