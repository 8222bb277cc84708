package fr.oref.devenir.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Every text a reader could find in a published file: the XML parts of an .xlsx, the text of a PDF. */
public final class PublishedText {
  private PublishedText() {}

  public static String of(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".pdf")) {
      try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
        return new PDFTextStripper().getText(pdf);
      }
    }
    if (name.endsWith(".xlsx")) {
      StringBuilder all = new StringBuilder();
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
        for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
      return all.toString();
    }
    return Files.readString(file);
  }
}
