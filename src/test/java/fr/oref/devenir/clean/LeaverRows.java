package fr.oref.devenir.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A valid leaver row of cohort 2022 and the validator the row tests change one cell of. */
final class LeaverRows {
  static final int COHORT = 2022;
  /** Holds the contract and the referentials only: one serves every test. */
  static final LeaverValidator VALIDATOR = new LeaverValidator(COHORT);

  private LeaverRows() {}

  /** A clean row of cohort 2022, as the template's examples would fill it. */
  static Map<String, String> validRow() {
    Map<String, String> row = new HashMap<>();
    row.put("uai_cfa", "0141300m");
    row.put("uai_site", "0141601P");
    row.put("ine", "1234567890a");
    row.put("last_name", " MARTIN ");
    row.put("first_name", "Léa");
    row.put("sex", "Femme");
    row.put("birth_date", "14/03/2003");
    row.put("address", "12 rue des Lilas");
    row.put("postal_code", "14000");
    row.put("city", "CAEN");
    row.put("email", "lea.martin@exemple.fr");
    row.put("mobile", "06 12 34 56 78");
    row.put("phone2", "02 31 12 34 56");
    row.put("cfd", "50022137");
    row.put("rncp", "37537");
    row.put("training_label", "CAP Boulanger");
    row.put("training_start", "2020-09-01");
    row.put("training_end", "30/06/2022");
    row.put("contract_start", "05/09/2020");
    row.put("contract_break", "");
    row.put("diploma_obtained", "Oui");
    row.put("repeating", "Non");
    row.put("employer_siret", "732 829 320 00074");
    return row;
  }

  static ValidatedLeaver validateWith(String field, String value) {
    Map<String, String> row = validRow();
    row.put(field, value);
    return VALIDATOR.validate(row);
  }

  static Issue onlyIssue(ValidatedLeaver leaver) {
    assertEquals(1, leaver.issues().size(), () -> "issues: " + leaver.issues());
    return leaver.issues().get(0);
  }

  static List<String> checks(ValidatedLeaver leaver) {
    return leaver.issues().stream().map(Issue::check).toList();
  }
}
