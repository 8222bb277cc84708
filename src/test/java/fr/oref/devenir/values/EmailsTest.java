package fr.oref.devenir.values;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "lea.martin@exemple.fr", "LEA.MARTIN@EXEMPLE.FR", "lea+devenir@mail.exemple.co.uk",
      " lea@exemple.fr ", "jean-rené_d'arc@exemple.fr"})
  void valid(String email) {
    assertTrue(Emails.isValid(email));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {
      "", "lea.martin@exemple", "lea martin@exemple.fr", "lea@@exemple.fr", "lea@ex@emple.fr",
      "0612345678", "@exemple.fr", "lea@", "lea@.fr", "lea@exemple..fr", "lea@exemple.fr.", "lea.martin.exemple.fr"})
  void invalid(String email) {
    assertFalse(Emails.isValid(email));
  }
}
