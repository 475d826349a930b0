package cn.gov.jx.majorprojects.deploy;

import static cn.gov.jx.majorprojects.deploy.Tools.succeed;

import org.junit.jupiter.api.Test;

/** Every YAML file under deploy/, with yamllint and deploy/.yamllint.yml (warnings fail too). */
class YamlLintTests {

  @Test
  void everyYamlFilePassesYamllint() {
    succeed("yamllint", "--strict", "-c", ".yamllint.yml", ".");
  }
}
