package cn.gov.jx.majorprojects.issues;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IssueServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(IssueServiceApplication.class, args);
  }
}
