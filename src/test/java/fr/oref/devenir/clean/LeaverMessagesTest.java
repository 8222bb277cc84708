package fr.oref.devenir.clean;

import static fr.oref.devenir.clean.LeaverRows.VALIDATOR;
import static fr.oref.devenir.clean.LeaverRows.onlyIssue;
import static fr.oref.devenir.clean.LeaverRows.validRow;
import static fr.oref.devenir.clean.LeaverRows.validateWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The French messages a CFA clerk reads: they name the column and the fix, never a nominative value. */
class LeaverMessagesTest {
  @Test
  void aWrongUaiLetterNamesTheRightOne() {
    Issue issue = onlyIssue(validateWith("uai_cfa", "0141300A"));

    assertEquals("UAI CFA responsable", issue.column());
    assertEquals("La colonne « UAI CFA responsable » contient « 0141300A » : la lettre de contrôle de ce code UAI "
        + "devrait être « M ».", issue.message());
  }

  @Test
  void aUaiWithoutItsLetterAlsoGetsTheRightOne() {
    Issue issue = onlyIssue(validateWith("uai_site", "0951099"));
    assertEquals("uai.letter", issue.check());
    assertTrue(issue.message().endsWith("devrait être « D »."), issue.message());
  }

  @Test
  void aMissingRequiredValueNamesTheColumn() {
    Issue issue = onlyIssue(validateWith("cfd", ""));
    assertEquals("Code diplôme", issue.column());
    assertEquals("La colonne « Code diplôme » est vide alors qu'elle est obligatoire.", issue.message());
  }

  @Test
  void nonNominativeValuesAreQuoted() {
    Issue issue = onlyIssue(validateWith("cfd", "ABC12"));
    assertEquals("La colonne « Code diplôme » contient « ABC12 », qui n'est pas un code diplôme valide "
        + "(8 caractères, chiffres 4 à 6 = spécialité).", issue.message());
  }

  @Test
  void messagesNeverQuoteANominativeValue() {
    Map<String, String> row = validRow();
    row.put("last_name", "1234");
    row.put("first_name", "5678");
    row.put("birth_date", "31/02/2003");
    row.put("email", "martin.secret@exemple");
    row.put("mobile", "0712345678");
    row.put("phone2", "0700000000");
    row.put("ine", "ZZ99887766");
    ValidatedLeaver leaver = VALIDATOR.validate(row);

    assertEquals(Set.of("last_name", "first_name", "birth_date", "email", "mobile", "phone2", "ine"),
        leaver.issues().stream().map(Issue::field).collect(Collectors.toSet()));
    for (Issue issue : leaver.issues()) {
      for (String secret : List.of("1234", "5678", "31/02/2003", "martin.secret", "0712345678", "0700000000",
          "ZZ99887766")) {
        assertFalse(issue.message().contains(secret), issue.message());
      }
    }
    assertEquals("La colonne « Date de naissance » contient «  », qui n'est pas une date (attendu JJ/MM/AAAA).",
        leaver.issues().stream().filter(i -> i.field().equals("birth_date")).findFirst().orElseThrow().message());
  }

  @Test
  void messagesWithASemicolonAreReadWhole() {
    Issue issue = onlyIssue(validateWith("ine", "ABC123"));
    assertEquals("La colonne « INE » contient un INE au format inattendu (attendu : 9 chiffres + 2 lettres, "
        + "10 chiffres + 1 lettre, ou 4 chiffres + A + 5 chiffres + 1 lettre) ; l'INE est ignoré.", issue.message());
  }
}
