package cn.gov.jx.majorprojects.projects.region;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(RegionController.class)
class RegionControllerWebMvcTests {

  @Autowired MockMvc mvc;

  @MockitoBean RegionCatalog catalog;

  @BeforeEach
  void tree() {
    given(catalog.tree()).willReturn(RegionTree.bundled());
  }

  @Test
  void treeWithChineseNamesForAnySignedInUser() throws Exception {
    mvc.perform(get("/api/regions").with(TestUsers.ownerZg()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.code").value("360000"))
        .andExpect(jsonPath("$.name").value("江西省"))
        .andExpect(jsonPath("$.level").value("PROVINCE"))
        .andExpect(jsonPath("$.children.length()").value(11))
        .andExpect(jsonPath("$.children[0].name").value("南昌市"))
        .andExpect(jsonPath("$.children[0].children[?(@.code=='360113')].name").value("红谷滩区"));
  }

  @Test
  void oneRegionWithItsChildren() throws Exception {
    mvc.perform(get("/api/regions/360700").with(TestUsers.coordGz()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("赣州市"))
        .andExpect(jsonPath("$.level").value("CITY"))
        .andExpect(jsonPath("$.children[?(@.code=='360702')].name").value("章贡区"));
  }

  @Test
  void unknownRegionIsAProblem404() throws Exception {
    mvc.perform(get("/api/regions/999999").with(TestUsers.admin()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("Region 999999 not found"));
  }

  @Test
  void withoutATokenIs401Problem() throws Exception {
    mvc.perform(get("/api/regions"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.instance").value("/api/regions"));
  }
}
