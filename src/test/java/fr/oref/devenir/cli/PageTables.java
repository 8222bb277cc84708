package fr.oref.devenir.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The tables of a published web page (XHTML), as a reader sees them: header cells and body lines. */
final class PageTables {
  private PageTables() {}

  static Document xhtml(Path page) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    return factory.newDocumentBuilder().parse(page.toFile());
  }

  static Element byId(Document page, String id) {
    NodeList tables = page.getElementsByTagName("table");
    for (int i = 0; i < tables.getLength(); i++) {
      if (id.equals(((Element) tables.item(i)).getAttribute("id"))) {
        return (Element) tables.item(i);
      }
    }
    throw new AssertionError("no table " + id);
  }

  static List<String> headers(Document page, String id) {
    NodeList th = ((Element) byId(page, id).getElementsByTagName("thead").item(0)).getElementsByTagName("th");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < th.getLength(); i++) {
      out.add(th.item(i).getTextContent().trim());
    }
    return out;
  }

  /** The body lines of a table: the row header, then the cells. */
  static List<List<String>> table(Document page, String id) {
    NodeList rows = ((Element) byId(page, id).getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < rows.getLength(); i++) {
      List<String> line = new ArrayList<>();
      NodeList cells = rows.item(i).getChildNodes();
      for (int c = 0; c < cells.getLength(); c++) {
        if (cells.item(c) instanceof Element e) {
          line.add(e.getTextContent().trim());
        }
      }
      out.add(line);
    }
    return out;
  }
}
