package fr.oref.devenir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.properties.PropertiesConfiguration;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationFactory;
import org.junit.jupiter.api.Test;

/**
 * What the launcher lets reach a terminal: POI, which logs unparsable cells with their text, says
 * nothing; a command's failure trace goes to the log file, never to the console.
 */
class LoggingConfigTest {
  @Test
  void poiIsSilentAndFailureTracesGoToTheFileOnly() throws IOException {
    for (Path file : List.of(Path.of("src/main/launcher/log4j2.properties"),
        Path.of("src/test/resources/log4j2-test.properties"))) {
      try (InputStream in = Files.newInputStream(file)) {
        PropertiesConfiguration config = new PropertiesConfigurationFactory()
            .getConfiguration(new LoggerContext("check"), new ConfigurationSource(in, file.toFile()));
        config.initialize();
        assertEquals(Level.OFF, config.getLoggerConfig("org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler")
            .getLevel(), file.toString());
        var failure = config.getLoggerConfig(Devenir.class.getName());
        assertEquals(List.of("trace"), List.copyOf(failure.getAppenders().keySet()), file.toString());
        assertEquals(false, failure.isAdditive(), file + ": not on the console too");
      }
    }
  }
}
