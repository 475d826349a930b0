package cn.gov.jx.majorprojects.issues.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = {"management.server.port=0"})
@AutoConfigureMockMvc
@Import(EmbeddedMongoConfiguration.class)
class CalendarApiApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired CalendarService service;

  @Test
  void the2026CalendarShipsWithTheStateCouncilDates() throws Exception {
    mvc.perform(get("/api/calendars/2026").with(TestUsers.coordHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.year").value(2026))
        .andExpect(jsonPath("$.holidays", hasItem("2026-02-16")))
        .andExpect(jsonPath("$.holidays", hasItem("2026-10-07")))
        .andExpect(jsonPath("$.workingDays", hasItem("2026-02-14")))
        .andExpect(jsonPath("$.workingDays", hasItem("2026-09-20")))
        .andExpect(jsonPath("$.source", containsString("国务院办公厅")));
  }

  @Test
  void aYearWithoutACalendarHasWeekendsOnly() throws Exception {
    mvc.perform(get("/api/calendars/2031").with(TestUsers.ownerHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.holidays", empty()))
        .andExpect(jsonPath("$.workingDays", empty()));
  }

  @Test
  void adminSetsAYearAndDeadlinesFollowIt() throws Exception {
    mvc.perform(
            put("/api/calendars/2027")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"holidays":["2027-01-01","2027-02-08"],"workingDays":["2027-02-06"],
                     "source":"测试 notice"}"""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.holidays[1]").value("2027-02-08"))
        .andExpect(jsonPath("$.source").value("测试 notice"));

    mvc.perform(get("/api/calendars/2027").with(TestUsers.coordJx()))
        .andExpect(jsonPath("$.workingDays[0]").value("2027-02-06"));
    // Fri 5 Feb 2027 + 1 working day: Saturday 6 Feb now works
    var calendar = service.workingCalendar();
    org.assertj.core.api.Assertions.assertThat(
            calendar.nextWorkingDay(java.time.LocalDate.parse("2027-02-05")))
        .isEqualTo(java.time.LocalDate.parse("2027-02-06"));
    org.assertj.core.api.Assertions.assertThat(
            calendar.nextWorkingDay(java.time.LocalDate.parse("2027-02-07")))
        .isEqualTo(java.time.LocalDate.parse("2027-02-09"));
  }

  @Test
  void otherServicesReadTheWorkingDaysOfTheCalendarAndUsersMayNot() throws Exception {
    // National Day 2026: 1-7 October off, Saturday 10 October worked (调休)
    mvc.perform(
            get("/internal/working-days")
                .param("from", "2026-09-30")
                .param("to", "2026-10-12")
                .with(TestUsers.serviceClient()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.workingDays.length()").value(5))
        .andExpect(jsonPath("$.workingDays[0]").value("2026-09-30"))
        .andExpect(jsonPath("$.workingDays[1]").value("2026-10-08"))
        .andExpect(jsonPath("$.workingDays[3]").value("2026-10-10"))
        .andExpect(jsonPath("$.workingDays[4]").value("2026-10-12"));
    mvc.perform(
            get("/internal/working-days")
                .param("from", "2026-01-01")
                .param("to", "2027-12-31")
                .with(TestUsers.serviceClient()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));
    mvc.perform(
            get("/internal/working-days")
                .param("from", "2026-09-30")
                .param("to", "2026-10-12")
                .with(TestUsers.admin()))
        .andExpect(status().isForbidden());
  }

  @Test
  void onlyAdminsChangeCalendars() throws Exception {
    mvc.perform(
            put("/api/calendars/2028")
                .with(TestUsers.coordJx())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"holidays\":[\"2028-01-03\"],\"workingDays\":[]}"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/calendars/2028").with(TestUsers.admin()))
        .andExpect(jsonPath("$.holidays", empty()));
  }

  @Test
  void badDatesAre400WithFieldsAndNothingStored() throws Exception {
    mvc.perform(
            put("/api/calendars/2029")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"holidays\":[\"2030-01-01\"],\"workingDays\":[\"2029-03-05\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItem("holidays[0]")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("workingDays[0]")));
    mvc.perform(
            put("/api/calendars/2029")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"workingDays\":[]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("holidays"));
    mvc.perform(get("/api/calendars/2029").with(TestUsers.admin()))
        .andExpect(jsonPath("$.holidays", empty()))
        .andExpect(jsonPath("$.workingDays", empty()));
  }

  @Test
  void yearOutOfRangeIs400() throws Exception {
    mvc.perform(get("/api/calendars/1850").with(TestUsers.admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("year"));
  }
}
