package cn.gov.jx.majorprojects.projects.project;

/** Sector of a project, as DESIGN.md lists them. */
public enum Industry {
  TRANSPORT,
  ENERGY,
  WATER,
  INDUSTRY,
  URBAN,
  SOCIAL,
  OTHER
}
