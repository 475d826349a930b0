package cn.gov.jx.majorprojects.projects.project;

/** Which government lists the project as a key project. */
public enum ProjectLevel {
  PROVINCIAL,
  CITY,
  COUNTY
}
