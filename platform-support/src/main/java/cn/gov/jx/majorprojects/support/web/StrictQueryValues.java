package cn.gov.jx.majorprojects.support.web;

import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;

/**
 * Enum and boolean request values read strictly. Spring's own converters trim first and read what
 * is left empty as "no value": {@code ?level=%00} (a NUL, or any control character) became no
 * filter and answered the whole list. Here an empty value is still "no value" (a form's "all"
 * choice sends {@code level=}), but a value holding a control character is refused (400 problem,
 * naming the parameter), and anything else must be one of the constants.
 */
final class StrictQueryValues {

  private StrictQueryValues() {}

  /** Registered after Spring's defaults, so these win for String → enum and String → Boolean. */
  static void register(FormatterRegistry registry) {
    registry.addConverterFactory(new ToEnum());
    registry.addConverter(String.class, Boolean.class, StrictQueryValues::toBoolean);
  }

  static String checked(String source) {
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("a control character is not a value");
      }
    }
    return source.trim();
  }

  static Boolean toBoolean(String source) {
    if (source.isEmpty()) {
      return null;
    }
    return switch (checked(source).toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> Boolean.TRUE;
      case "false", "off", "no", "0" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not a boolean: " + source);
    };
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static final class ToEnum implements ConverterFactory<String, Enum> {
    @Override
    public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
      Class<?> type = targetType;
      while (type != null && !type.isEnum()) {
        type = type.getSuperclass(); // an enum constant with a body is a subclass
      }
      Class enumType = type;
      return source -> source.isEmpty() ? null : (T) Enum.valueOf(enumType, checked(source));
    }
  }
}
