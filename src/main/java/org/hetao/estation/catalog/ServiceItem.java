package org.hetao.estation.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.LocalizedText;

/**
 * One thing a department does for an applicant (事項), as its service guide (辦事指南) describes it.
 *
 * @param code stable code, e.g. {@code CUS-0003}
 * @param legalLimitDays maximum working days by law (法定時限)
 * @param promisedLimitDays working days the centre promises (承諾時限), never more than the legal limit
 * @param jurisdiction whose working days count for the deadline
 * @param fee what it costs; null when it is free
 * @param feeNote how the fee is charged, in words, beside the amounts; may be null
 * @param ticketCategory the hall's queue ticket category that serves it (A, B, C, D…)
 * @param active false once retired from the catalogue (kept for old cases)
 * @param dueSoonWorkingDays optional: a running task of this item is due soon when this many working days
 * or fewer remain; {@code null} for the platform's {@code estation.calendar.due-soon-working-days}
 */
public record ServiceItem(String code, LocalizedText name, LocalizedText description, String departmentCode,
		ServiceDomain domain, Theme theme, ItemKind kind, Set<ApplicantType> applicantTypes,
		List<MaterialRequirement> materials, List<FormField> fields, List<ItemOutput> outputs, int legalLimitDays,
		int promisedLimitDays, Jurisdiction jurisdiction, Fee fee, LocalizedText feeNote, Set<Channel> channels,
		LocalizedText legalBasis, boolean appointmentRequired, String ticketCategory, boolean active,
		Integer dueSoonWorkingDays) {

	public ServiceItem {
		applicantTypes = Set.copyOf(applicantTypes);
		materials = List.copyOf(materials);
		fields = List.copyOf(fields);
		outputs = outputs == null ? List.of() : List.copyOf(outputs);
		channels = Set.copyOf(channels);
	}

	/** An item that keeps the platform's "due soon". */
	public ServiceItem(String code, LocalizedText name, LocalizedText description, String departmentCode,
			ServiceDomain domain, Theme theme, ItemKind kind, Set<ApplicantType> applicantTypes,
			List<MaterialRequirement> materials, List<FormField> fields, List<ItemOutput> outputs, int legalLimitDays,
			int promisedLimitDays, Jurisdiction jurisdiction, Fee fee, LocalizedText feeNote, Set<Channel> channels,
			LocalizedText legalBasis, boolean appointmentRequired, String ticketCategory, boolean active) {
		this(code, name, description, departmentCode, domain, theme, kind, applicantTypes, materials, fields, outputs,
				legalLimitDays, promisedLimitDays, jurisdiction, fee, feeNote, channels, legalBasis, appointmentRequired,
				ticketCategory, active, null);
	}

	/** The materials an applicant of this type must bring. */
	public List<MaterialRequirement> materialsFor(ApplicantType type) {
		return materials.stream().filter(m -> m.appliesTo(type)).toList();
	}

	public Optional<FormField> field(String key) {
		return fields.stream().filter(f -> f.key().equals(key)).findFirst();
	}

	/** Whether the item costs anything. */
	public boolean charged() {
		return fee != null;
	}

	public boolean serves(ApplicantType type) {
		return applicantTypes.contains(type);
	}

}
