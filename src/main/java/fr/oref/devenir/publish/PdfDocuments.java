package fr.oref.devenir.publish;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;

/**
 * PDF reports rendered by openhtmltopdf from the same XHTML as the web pages. Fonts are embedded so
 * French text renders the same everywhere: DejaVu Sans when the system has it (Debian's
 * fonts-dejavu-core), else the Liberation Sans that PDFBox carries in its jar.
 */
public final class PdfDocuments {
  static final String FAMILY = "Devenir Sans";
  private static final String DEJAVU = "/usr/share/fonts/truetype/dejavu/";
  private static final String LIBERATION = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  static {
    // openhtmltopdf reports every stylesheet and font load at INFO on its own console handler
    XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
  }

  private PdfDocuments() {}

  public static void write(String xhtml, OutputStream out) throws IOException {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    File regular = new File(DEJAVU + "DejaVuSans.ttf");
    if (regular.isFile()) {
      builder.useFont(regular, FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
      File bold = new File(DEJAVU + "DejaVuSans-Bold.ttf");
      if (bold.isFile()) {
        builder.useFont(bold, FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
      }
    } else {
      builder.useFont(PdfDocuments::liberation, FAMILY);
    }
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    builder.run();
  }

  private static InputStream liberation() {
    InputStream in = PdfDocuments.class.getResourceAsStream(LIBERATION);
    if (in == null) {
      throw new UncheckedIOException(new IOException("police absente du classpath : " + LIBERATION));
    }
    return in;
  }
}
