package fr.oref.devenir.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The charting library committed under src/main/resources/publish/vendor/ is byte for byte the one
 * tools/vendor-charts.sh fetches at its pinned versions, and the dashboard ships every file of it.
 */
class VendoredChartsTest {
  private static final Path VENDOR = Path.of("src/main/resources/publish/vendor");

  @Test
  void eachVendoredFileHasItsPinnedHash() throws Exception {
    List<String[]> pins = Files.readAllLines(Path.of("tools/vendor-charts.pins")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.trim().split("\\s+")).toList();
    assertEquals(2, pins.size(), "d3 and Observable Plot");
    for (String[] pin : pins) {
      Path file = VENDOR.resolve(pin[5]);
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
      assertEquals(pin[4], sha, file + " is " + pin[0] + "@" + pin[1] + "'s " + pin[3]);
      assertTrue(Dashboard.ASSETS.contains("vendor/" + pin[5]), pin[5] + " is copied beside the page");
      assertTrue(Files.isRegularFile(VENDOR.resolve(pin[5].substring(0, pin[5].indexOf('.')) + ".LICENSE")),
          "its licence travels with it");
    }
  }
}
