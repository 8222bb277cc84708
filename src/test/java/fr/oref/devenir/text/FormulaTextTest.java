package fr.oref.devenir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormulaTextTest {
  @Test
  void textAFormulaCouldStartWithIsPrefixedWithAQuote() {
    for (String hostile : List.of("=HYPERLINK(\"http://x\";\"clic\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)", "\t=1", "\r=1", "=", "-", "+")) {
      assertTrue(FormulaText.dangerous(hostile), hostile);
      assertEquals("'" + hostile, FormulaText.neutralise(hostile));
    }
  }

  @Test
  void ordinaryTextAndPlainNumbersAreLeftAsTheyAre() {
    for (String fine : List.of("Dupont", "Jean-Marie", "a=b", "-3", "-3,2", "-0.5", "+33612345678", "-12,5 %", "1e-3", "")) {
      assertFalse(FormulaText.dangerous(fine), fine);
      assertEquals(fine, FormulaText.neutralise(fine));
    }
    assertEquals(null, FormulaText.neutralise(null));
  }

  @Test
  void theCsvWriterNeutralisesAndQuotesSoTheValueReadsBackWithItsQuote() throws Exception {
    StringWriter out = new StringWriter();
    Csv.writeRecord(out, List.of("=1+2", "Martin", "-4", "@x;y"));
    assertEquals("\"'=1+2\";Martin;-4;\"'@x;y\"\r\n", out.toString());
    List<List<String>> back = Csv.readAll(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8);
    assertEquals(List.of("'=1+2", "Martin", "-4", "'@x;y"), back.get(0));
  }
}
