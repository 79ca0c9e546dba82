package org.hetao.estation.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The public calendar page: month views in the reader's language and the deadline calculator. */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarPageIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void februaryShowsTheSpringFestivalAndTheMakeUpDaysNamedInTraditionalChinese() {
		MvcTestResult result = mvc.get().uri("/calendars?month=2026-02").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("2026年2月", "內地", "香港", "春節", "農曆年初一", "補班日", "day--make_up_working_day",
					"<time datetime=\"2026-02-14\">2026-02-14</time>")
			.doesNotContain("春节");
	}

	@Test
	void holidaysAreNamedInEnglishAndSimplifiedChinese() {
		assertThat(mvc.get().uri("/calendars?month=2026-10").header("Accept-Language", "en").exchange()).bodyText()
			.contains("October 2026", "National Day", "Make-up working day", "The day following Chung Yeung Festival");
		assertThat(mvc.get().uri("/calendars?month=2026-10").header("Accept-Language", "zh-CN").exchange()).bodyText()
			.contains("2026年10月", "国庆节", "调休上班日", "重阳节翌日");
	}

	@Test
	void aMonthNotLoadedIsMarkedProvisional() {
		assertThat(mvc.get().uri("/calendars?month=2030-01").header("Accept-Language", "en").exchange()).bodyText()
			.contains("The official calendar for 2030 is not loaded yet");
	}

	@Test
	void theCalculatorAnswersWithAndWithoutHtmx() {
		MvcTestResult page = mvc.get()
			.uri("/calendars?jurisdiction=CN&start=2026-09-30&workingDays=1")
			.header("Accept-Language", "en")
			.exchange();
		assertThat(page).hasStatusOk().bodyText().contains("Thursday 8 October 2026", "<html");
		MvcTestResult fragment = mvc.get()
			.uri("/calendars/deadline?jurisdiction=CN&start=2026-09-30&workingDays=3")
			.header("HX-Request", "true")
			.header("Accept-Language", "en")
			.exchange();
		assertThat(fragment).hasStatusOk().bodyText()
			.contains("Saturday 10 October 2026", "This is a make-up working day", "id=\"deadline-calculator\"")
			.doesNotContain("<html");
		assertThat(mvc.get()
			.uri("/calendars/deadline?jurisdiction=HK&start=2026-12-28&workingDays=5")
			.header("HX-Request", "true")
			.header("Accept-Language", "en")
			.exchange()).bodyText().contains("Provisional");
	}

	@Test
	void theCalculatorShowsFieldErrors() {
		MvcTestResult result = mvc.get()
			.uri("/calendars/deadline?jurisdiction=MO&start=2026-02-30&workingDays=-3")
			.header("HX-Request", "true")
			.header("Accept-Language", "en")
			.exchange();
		assertThat(result).hasStatusOk().bodyText()
			.contains("Choose Mainland China or Hong Kong.", "Enter a real date", "from 0 to 10000", "aria-invalid=\"true\"")
			.doesNotContain("deadline-result");
	}

}
