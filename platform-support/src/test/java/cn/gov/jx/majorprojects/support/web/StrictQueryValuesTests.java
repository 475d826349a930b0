package cn.gov.jx.majorprojects.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.DefaultFormattingConversionService;

class StrictQueryValuesTests {

  final DefaultFormattingConversionService conversions = conversions();

  static DefaultFormattingConversionService conversions() {
    DefaultFormattingConversionService service = new DefaultFormattingConversionService();
    StrictQueryValues.register(service);
    return service;
  }

  @Test
  void aControlCharacterInAnEnumOrBooleanValueIsRefusedNotReadAsNoValue() {
    for (String hostile : new String[] {"\u0000", "DAYS\u0000", " \t", "\u007f"}) {
      assertThatThrownBy(() -> conversions.convert(hostile, TimeUnit.class))
          .as("%s", hostile.chars().boxed().toList())
          .isInstanceOf(ConversionFailedException.class);
      assertThatThrownBy(() -> conversions.convert(hostile, Boolean.class))
          .isInstanceOf(ConversionFailedException.class);
    }
  }

  @Test
  void emptyIsStillNoValueAndConstantsReadAsBefore() {
    assertThat(conversions.convert("", TimeUnit.class)).isNull();
    assertThat(conversions.convert("", Boolean.class)).isNull();
    assertThat(conversions.convert("DAYS", TimeUnit.class)).isEqualTo(TimeUnit.DAYS);
    assertThat(conversions.convert(" DAYS ", TimeUnit.class)).isEqualTo(TimeUnit.DAYS);
    assertThat(conversions.convert("true", Boolean.class)).isTrue();
    assertThat(conversions.convert("No", Boolean.class)).isFalse();
    assertThatThrownBy(() -> conversions.convert("WEEKS", TimeUnit.class))
        .isInstanceOf(ConversionFailedException.class);
    assertThatThrownBy(() -> conversions.convert("maybe", Boolean.class))
        .isInstanceOf(ConversionFailedException.class);
  }
}
