package fr.oref.devenir.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What Airflow and people launch (jobs/*.properties) must be what the launcher accepts. */
class JobDefinitionsTest {
  private static final Pattern OPTION = Pattern.compile("(--[a-z0-9-]+)");

  static List<Path> definitions() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("jobs"))) {
      return files.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
    }
  }

  @Test
  void everyDefinitionNamesACommandAndOnlyOptionsItDeclares() throws IOException {
    List<Path> definitions = definitions();
    assertFalse(definitions.isEmpty());
    CommandLine devenir = Devenir.commandLine();
    for (Path definition : definitions) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(definition)) {
        p.load(r);
      }
      CommandLine command = devenir.getSubcommands().get(p.getProperty("command"));
      assertNotNull(command, definition + " names an unknown command");
      Matcher m = OPTION.matcher(p.getProperty("args", ""));
      while (m.find()) {
        assertNotNull(command.getCommandSpec().findOption(m.group(1)),
            definition + ": " + m.group(1) + " is not an option of " + p.getProperty("command"));
      }
      assertTrue(p.getProperty("args").contains("--lake"), definition + " must say which lake");
    }
  }

}
