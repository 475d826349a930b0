package cn.gov.jx.majorprojects.support.web;

/** The version an {@code If-Match} header names ({@code 3}, {@code "3"} or {@code W/"3"}). */
public final class IfMatch {

  private IfMatch() {}

  /**
   * The version, or null without the header (no condition); 400 when it is not a number, saying it
   * must be {@code what}'s version number (e.g. "the issue's").
   */
  public static Long version(String header, String what) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(header.trim().replace("W/", "").replace("\"", ""));
    } catch (NumberFormatException e) {
      throw BadRequestException.field("If-Match", "must be " + what + " version number");
    }
  }
}
