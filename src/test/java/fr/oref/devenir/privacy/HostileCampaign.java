package fr.oref.devenir.privacy;

import fr.oref.devenir.text.Csv;
import fr.oref.devenir.values.Uai;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small cohort whose files carry formula-like text in names, training titles and survey answers, and
 * distinctive personal values a test can search for byte by byte after a purge.
 */
final class HostileCampaign {
  static final int COHORT = 2022;
  static final String CFA_A = Uai.of("0141300");
  static final String CFA_B = Uai.of("0500001");
  static final List<String> HEADER = List.of("UAI CFA responsable", "UAI lieu de formation", "INE", "Nom", "Prénom", "Sexe",
      "Date de naissance", "Adresse", "Code postal", "Commune", "Courriel", "Téléphone portable", "Autre téléphone",
      "Code diplôme", "Code RNCP", "Intitulé de la formation", "Date de fin de formation", "Redoublant");
  /** Surname, first name, INE, e-mail, mobile, other phone: the nominative values of the inputs. */
  static final List<List<String>> PEOPLE = List.of(
      List.of(CFA_A, "Quesnoyard", "+Eulalie", "070809101KZ", "eulalie.quesnoyard@exemple.fr", "0611223344", "0231445566"),
      List.of(CFA_A, "@Brisemoulin", "Gaspardine", "080910111LY", "g.brisemoulin@exemple.fr", "0622334455", ""),
      List.of(CFA_A, "-Vauquelinot", "Ombeline", "090101112MX", "ombeline.v@exemple.fr", "0633445566", ""),
      List.of(CFA_B, "Trouvecoeur", "=Anselmine", "101112131NW", "anselmine.t@exemple.fr", "0644556677", "0299887766"),
      List.of(CFA_B, "Hautbriquet", "Philibertine", "111213141PV", "-philibertine@exemple.fr", "0655667788", ""),
      // no letter in the surname: rejected, so the value reaches the validation report only
      List.of(CFA_B, "=1+2", "Clothildine", "121314151QU", "clothildine@exemple.fr", "0666778899", ""));

  private HostileCampaign() {}

  /** Every personal value to look for, phones in the national and international forms. */
  static List<String> nominativeValues() {
    return PEOPLE.stream().flatMap(p -> {
      List<String> values = new java.util.ArrayList<>(List.of(p.get(1).replaceAll("^[=+@-]", ""),
          p.get(2).replaceAll("^[=+@-]", ""), p.get(3), p.get(4).replaceAll("^-", "")));
      for (String phone : List.of(p.get(5), p.get(6))) {
        if (!phone.isEmpty()) {
          values.add(phone);
          values.add("+33" + phone.substring(1));
        }
      }
      return values.stream();
    }).filter(v -> v.length() > 4).toList();
  }

  static void writeLeavers(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String cfa : List.of(CFA_A, CFA_B)) {
      try (Writer w = Files.newBufferedWriter(dir.resolve("sortants_" + cfa + ".csv"), StandardCharsets.UTF_8)) {
        RawCsv.write(w, HEADER);
        int n = 0;
        for (List<String> p : PEOPLE.stream().filter(p -> p.get(0).equals(cfa)).toList()) {
          RawCsv.write(w, List.of(cfa, cfa, p.get(3), p.get(1), p.get(2), n % 2 == 0 ? "F" : "M",
              "1" + n + "/03/2003", "=HYPERLINK(\"http://x.example\";\"12 rue des Tilleuls\")", "14000", "@Caen",
              p.get(4), p.get(5), p.get(6), "50022137", "RNCP37537",
              "=HYPERLINK(\"http://evil.example\";\"BTS\")", "30/06/2022", "Non"));
          n++;
        }
      }
    }
  }

  /** The survey export: formula-like free text in job titles and « other situation ». */
  static void writeExport(Path file, Map<String, String> idBySurname) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      RawCsv.write(w, List.of("ID_SEINE", "STATUT", "MODE", "DATE_REPONSE", "SITUATION", "SITUATION_AUTRE", "CONTRAT",
          "INTITULE_EMPLOI", "SATISFACTION"));
      RawCsv.write(w, List.of(idBySurname.get("Quesnoyard"), "Complet", "Web", "03/02/2023", "1", "", "1",
          "=HYPERLINK(\"http://x.example\";\"boulanger\")", "1"));
      RawCsv.write(w, List.of(idBySurname.get("Brisemoulin"), "Complet", "Web", "05/02/2023", "1", "", "3",
          "@SUM(1+1)", "2"));
      RawCsv.write(w, List.of(idBySurname.get("Trouvecoeur"), "Complet", "Téléphone", "06/02/2023", "6",
          "-2+3+cmd|' /C calc'!A0", "", "", "1"));
    }
  }

  /** ID_SEINE by surname, from the regional panel file (surnames there may carry the neutralising quote). */
  static Map<String, String> idsFromPanel(Path panel) throws IOException {
    List<List<String>> records = Csv.readAll(Files.newInputStream(panel), StandardCharsets.UTF_8);
    return records.stream().skip(1).collect(Collectors.toMap(r -> r.get(7).replaceAll("^'?[=+@-]?", ""), r -> r.get(0)));
  }

  /** Writes fields as a CFA's software would: quoted when needed, never neutralised. */
  private static final class RawCsv {
    static void write(Writer w, List<String> fields) throws IOException {
      w.write(fields.stream().map(f -> f.contains(";") || f.contains("\"") ? '"' + f.replace("\"", "\"\"") + '"' : f)
          .collect(Collectors.joining(";")));
      w.write("\n");
    }
  }
}
