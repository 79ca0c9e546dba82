package org.hetao.estation.shared;

import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hetao.estation.shared.PhoneNumbers.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

	@ParameterizedTest
	@ValueSource(strings = { "9123 4567", "2123-4567", "+852 9123 4567", "(852) 6123 4567", "85261234567",
			"+853 6612 3456", "138 0013 8000", "13800138000", "+86 138-0013-8000", "0086 13800138000",
			"0755-8888 6666", "010 6552 9988", "+86 755 8888 6666", "+86 (0755) 8888 6666", "+44 20 7946 0958",
			"+1 415 555 2671", "１３８００１３８０００", "＋８５２ ９１２３ ４５６７" })
	void acceptsNumbersPeopleHave(String number) {
		assertThat(PhoneNumbers.fault(number)).as(number).isEmpty();
		assertThat(PhoneNumbers.isValid(number)).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "call me|CHARACTERS", "9123 4567 ext. 8|CHARACTERS", "91234567#|CHARACTERS",
			"12345|TOO_SHORT", "+852 9123 456|TOO_SHORT", "+86 138 0013|TOO_SHORT", "913 4567|TOO_SHORT",
			"+123 4567 8901 2345 6|TOO_LONG", "1234 5678|HONG_KONG", "0123 4567|HONG_KONG", "+852 1234 5678|HONG_KONG",
			"12800138000|MAINLAND_MOBILE", "+86 11800138000|MAINLAND_MOBILE", "138001380001|SHAPE",
			"912345678|SHAPE", "+852 9123 45678|SHAPE" })
	void saysWhatIsWrong(String number, Fault fault) {
		assertThat(PhoneNumbers.fault(number)).as(number).contains(fault);
		assertThat(PhoneNumbers.isValid(number)).isFalse();
	}

	@Test
	void blankIsLeftToTheRequiredCheck() {
		assertThat(PhoneNumbers.fault(null)).isEmpty();
		assertThat(PhoneNumbers.fault("  ")).isEmpty();
		assertThat(PhoneNumbers.isValid(" ")).isFalse();
	}

	record Form(@PhoneNumber String phone) {
	}

	@Test
	void aFormFieldCarriesTheReasonsMessageInEachLanguage() {
		ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
		bundles.setBasenames("i18n/messages");
		bundles.setDefaultEncoding("UTF-8");
		bundles.setFallbackToSystemLocale(false);
		try (var factory = Validation.buildDefaultValidatorFactory()) {
			Validator validator = factory.getValidator();
			Set<ConstraintViolation<Form>> violations = validator.validate(new Form("12800138000"));
			assertThat(violations).singleElement()
				.satisfies(v -> assertThat(v.getMessageTemplate()).isEqualTo("{phone.problem.mainlandMobile}"));
			assertThat(validator.validate(new Form("+852 9123 4567"))).isEmpty();
		}
		for (Fault fault : Fault.values()) {
			for (Locale locale : new Locale[] { Locale.forLanguageTag("zh-Hant"), Locale.forLanguageTag("zh-Hans"),
					Locale.ENGLISH }) {
				assertThat(bundles.getMessage(fault.messageKey(), null, locale)).as(fault + " " + locale)
					.isNotBlank()
					.doesNotContain("phone.problem");
			}
		}
	}

}
