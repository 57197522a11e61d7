package org.iatipub.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.iatipub.exports.ExportKind;
import org.iatipub.publish.InputForm;
import org.iatipub.publish.dataset.SplitRule;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How {@code publish} reads its option values, each refused with a message that says what to write. */
final class PublishOptionTypes {
  private PublishOptionTypes() {}

  static final class Delimiter implements ITypeConverter<Character> {
    @Override
    public Character convert(String value) {
      if (value.equals("tab") || value.equals("\\t")) {
        return '\t';
      }
      if (value.length() != 1 || value.equals("\"") || value.equals("\n") || value.equals("\r")) {
        throw new TypeConversionException("'" + value + "' is not a delimiter: give one character such as ';', or 'tab'");
      }
      return value.charAt(0);
    }
  }

  static final class Form implements ITypeConverter<InputForm> {
    @Override
    public InputForm convert(String value) {
      return switch (value) {
        case "own" -> InputForm.OWN;
        case "path-headers" -> InputForm.PATH_HEADERS;
        default -> throw new TypeConversionException("'" + value + "' is not a form: use own or path-headers");
      };
    }
  }

  static final class Split implements ITypeConverter<SplitRule> {
    @Override
    public SplitRule convert(String value) {
      return switch (value) {
        case "none" -> SplitRule.NONE;
        case "country" -> SplitRule.COUNTRY;
        case "region" -> SplitRule.REGION;
        default -> throw new TypeConversionException("'" + value + "' is not a split: use none, country or region");
      };
    }
  }

  static final class Size implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("([0-9]+)\\s*(B|KB|MB)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
      Matcher size = SIZE.matcher(value.strip());
      if (!size.matches()) {
        throw new TypeConversionException("'" + value + "' is not a size: write it like 30MB, 500KB or 1000000");
      }
      long unit = switch (size.group(2) == null ? "B" : size.group(2).toUpperCase(Locale.ROOT)) {
        case "KB" -> 1024L;
        case "MB" -> 1024L * 1024;
        default -> 1L;
      };
      long bytes = Long.parseLong(size.group(1)) * unit;
      if (bytes < 1024) {
        throw new TypeConversionException("'" + value + "' is too small: a file needs room for at least one activity (1KB or more)");
      }
      return bytes;
    }
  }

  static final class ReportFormat implements ITypeConverter<PublishCommand.Format> {
    @Override
    public PublishCommand.Format convert(String value) {
      try {
        return PublishCommand.Format.valueOf(value.replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a format: use text, json, csv or iati-validator");
      }
    }
  }

  static final class Export implements ITypeConverter<ExportKind> {
    @Override
    public ExportKind convert(String value) {
      return ExportKind.ofWord(value).orElseThrow(
          () -> new TypeConversionException("'" + value + "' is not an export: use datacube, crs or both (datacube,crs)"));
    }
  }

  static final class LogLevel implements ITypeConverter<Level> {
    @Override
    public Level convert(String value) {
      Level level = Level.toLevel(value.toUpperCase(Locale.ROOT), null);
      if (level == null) {
        throw new TypeConversionException("'" + value + "' is not a log level: use error, warn, info or debug");
      }
      return level;
    }
  }
}
