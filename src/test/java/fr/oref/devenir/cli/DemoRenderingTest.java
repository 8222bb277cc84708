package fr.oref.devenir.cli;

import static fr.oref.devenir.cli.DemoRun.dir;
import static fr.oref.devenir.cli.DemoRun.expected;
import static fr.oref.devenir.cli.DemoRun.gold;
import static fr.oref.devenir.cli.DemoRun.publication;
import static fr.oref.devenir.cli.DemoRun.published;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's publication drawn: the PDF pages are not blank, the index renders in a real browser, the
 * dashboard shows gold.indicators' figures for every choice a reader can make.
 */
class DemoRenderingTest {
  @BeforeAll
  static void runTheDemo() throws Exception {
    DemoRun.ensure();
  }

  @Test
  void thePdfPagesAreNotBlank() throws Exception {
    assumeTrue(new File("/usr/bin/pdftoppm").canExecute() || System.getenv("CI") != null, "poppler-utils is missing");
    String uai = Files.list(publication.resolve("cfa")).map(p -> p.getFileName().toString()).sorted().findFirst()
        .orElseThrow();
    for (Path pdf : List.of(publication.resolve("region/chiffres_cles_C2022_V2.pdf"),
        publication.resolve("cfa/" + uai + "/rapport_" + uai + "_C2022_V2.pdf"))) {
      Path prefix = dir.resolve("pages-" + pdf.getFileName());
      Process p = new ProcessBuilder("pdftoppm", "-r", "40", "-png", pdf.toString(), prefix.toString())
          .redirectErrorStream(true).start();
      assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      List<Path> pages = Files.list(dir).filter(f -> f.getFileName().toString().startsWith(prefix.getFileName()
          + "-")).toList();
      assertTrue(pages.size() >= 2, pdf + " has pages: " + pages);
      for (Path page : pages) {
        assertTrue(inkShare(ImageIO.read(page.toFile())) > 0.01, page + " is not blank");
      }
    }
  }

  @Test
  void theIndexRendersInAHeadlessBrowserWithItsFiguresAndChart() throws Exception {
    File chromium = new File("/usr/bin/chromium");
    // .ci/run installs Debian's chromium; a developer's machine without it skips this one test
    assumeTrue(chromium.canExecute() || System.getenv("CI") != null, "chromium is not installed");
    Path index = publication.resolve("region/site_C2022_V2/index.html");
    Path shot = dir.resolve("index.png");
    String dom = chromium(chromium, "--dump-dom", index.toUri().toString());
    chromium(chromium, "--screenshot=" + shot, "--window-size=1280,4000", index.toUri().toString());
    assertTrue(dom.contains("<h1>Devenir des apprentis en région"), dom.substring(0, Math.min(500, dom.length())));
    for (String indicator : List.of("employment_rate", "further_study_rate", "neet_rate")) {
      assertTrue(dom.contains("<td>" + expected(gold("raw", "region", "ALL", indicator)) + "</td>"), indicator);
    }
    BufferedImage image = ImageIO.read(shot.toFile());
    assertEquals(1280, image.getWidth());
    assertTrue(inkShare(image) > 0.02, "the page is drawn");
    assertTrue(pixelsOf(image, fr.oref.devenir.publish.Charts.BAR.getRGB()) > 2000, "the chart's bars are drawn");
    String keep = System.getProperty("devenir.screenshot");
    if (keep != null) {
      Files.copy(shot, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void theDashboardShowsTheFiguresOfTheIndicatorTableForEveryChoice() throws Exception {
    DashboardFigures.check(publication.resolve("region/site_C2022_V2"), published, DemoRun::expected, dir);
  }

  private static String chromium(File chromium, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.getPath(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium")));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "chromium " + String.join(" ", args));
    return out;
  }

  /** The share of pixels that are not white. */
  private static double inkShare(BufferedImage image) {
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          ink++;
        }
      }
    }
    return (double) ink / ((long) image.getWidth() * image.getHeight());
  }

  private static long pixelsOf(BufferedImage image, int rgb) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) <= 3 && Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) <= 3
            && Math.abs((p & 0xFF) - (rgb & 0xFF)) <= 3) {
          n++;
        }
      }
    }
    return n;
  }
}
