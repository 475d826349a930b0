package cn.gov.jx.majorprojects.support.region;

/** One administrative division: code, Chinese name, optional English name, level, parent code. */
public record Region(String code, String name, String nameEn, RegionLevel level, String parent) {}
