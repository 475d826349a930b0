package cn.gov.jx.majorprojects.support.region;

/** Administrative level of a GB/T 2260 division; it follows from the code itself. */
public enum RegionLevel {
  PROVINCE,
  CITY,
  COUNTY;

  /** {@code xx0000} is a province, {@code xxxx00} a city, anything else a county. */
  public static RegionLevel ofCode(String code) {
    if (!RegionTree.isWellFormed(code)) {
      throw new IllegalArgumentException("not a 6-digit division code: " + code);
    }
    if (code.endsWith("0000")) {
      return PROVINCE;
    }
    return code.endsWith("00") ? CITY : COUNTY;
  }

  /** The level above, or null at province level. */
  public RegionLevel up() {
    return switch (this) {
      case COUNTY -> CITY;
      case CITY -> PROVINCE;
      case PROVINCE -> null;
    };
  }
}
