package org.hetao.estation.policy.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.hetao.estation.policy.EligibilityProfile;
import org.hetao.estation.policy.internal.Eligibility;
import org.hetao.estation.policy.internal.PolicyRules;
import org.hetao.estation.policy.internal.ProfileField;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Explains an eligibility result in the user's language: each condition's status and why. */
@Component
class EligibilityViews {

	private final MessageSource messages;

	EligibilityViews(MessageSource messages) {
		this.messages = messages;
	}

	record ConditionView(String id, String status, String statusLabel, String description, String explanation) {
	}

	record PolicyView(String code, String title, String summary, String benefits, String verdict, String verdictLabel,
			List<ConditionView> conditions) {
	}

	PolicyView view(Eligibility eligibility, EligibilityProfile profile, LocalDate today, Locale locale) {
		List<ConditionView> conditions = new ArrayList<>();
		for (PolicyRules.ConditionOutcome outcome : eligibility.conditions()) {
			conditions.add(new ConditionView(outcome.condition().id(), outcome.status().name(),
					msg("policy.condition." + outcome.status().name(), locale),
					outcome.condition().description().get(locale), explanation(outcome, profile, today, locale)));
		}
		return new PolicyView(eligibility.policy().code(), eligibility.policy().title().get(locale),
				eligibility.policy().summary().get(locale), eligibility.policy().benefits().get(locale),
				eligibility.verdict().name(), msg("policy.verdict." + eligibility.verdict().name(), locale), conditions);
	}

	private String explanation(PolicyRules.ConditionOutcome outcome, EligibilityProfile profile, LocalDate today,
			Locale locale) {
		if (outcome.status() == PolicyRules.Status.UNKNOWN) {
			String missing = outcome.missing().stream().map(f -> fieldLabel(source(f), locale))
				.distinct().collect(Collectors.joining(msg("policy.list.separator", locale)));
			return messages.getMessage("policy.explain.UNKNOWN", new Object[] { missing }, locale);
		}
		String facts = outcome.fields().stream()
			.map(f -> fieldLabel(f, locale) + msg("policy.explain.equals", locale) + value(f, profile, today, locale))
			.collect(Collectors.joining(msg("policy.list.separator", locale)));
		return messages.getMessage("policy.explain." + outcome.status().name(), new Object[] { facts }, locale);
	}

	/** A derived field is filled through the field it comes from. */
	private static ProfileField source(ProfileField field) {
		return switch (field) {
			case COMPANY_AGE_MONTHS -> ProfileField.REGISTRATION_DATE;
			case RD_INTENSITY -> ProfileField.RD_SPEND;
			default -> field;
		};
	}

	String fieldLabel(ProfileField field, Locale locale) {
		return msg("policy.field." + field.key(), locale);
	}

	private String value(ProfileField field, EligibilityProfile profile, LocalDate today, Locale locale) {
		Object value = field.valueOf(profile, today);
		if (value == null) {
			return msg("policy.value.unknown", locale);
		}
		if (field.input() == ProfileField.Input.SELECT) {
			return msg("policy.option." + field.key() + "." + value, locale);
		}
		if (value instanceof Boolean b) {
			return msg(b ? "policy.value.yes" : "policy.value.no", locale);
		}
		if (value instanceof Double d) {
			return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.format(Locale.ROOT, "%.1f", d);
		}
		return value.toString();
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
