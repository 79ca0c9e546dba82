package org.hetao.estation.catalog.internal;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.hetao.estation.catalog.Channel;
import org.hetao.estation.catalog.Fee;
import org.hetao.estation.catalog.FormField;
import org.hetao.estation.catalog.ItemKind;
import org.hetao.estation.catalog.ItemOutput;
import org.hetao.estation.catalog.MaterialRequirement;
import org.hetao.estation.catalog.ServiceDomain;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.catalog.Theme;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.LocalizedText;

/**
 * A service item as the API and the JSON export write it: the record's components, with sets as lists in
 * a stable order (so two exports of the same catalogue are byte for byte the same).
 *
 * @param active absent in the export (whatever is exported is active), present on the API
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ItemJson(String code, LocalizedText name, LocalizedText description, String departmentCode,
		ServiceDomain domain, Theme theme, ItemKind kind, List<ApplicantType> applicantTypes,
		List<MaterialJson> materials, List<FormField> fields, List<ItemOutput> outputs, int legalLimitDays,
		int promisedLimitDays, Jurisdiction jurisdiction, Fee fee, LocalizedText feeNote, List<Channel> channels,
		LocalizedText legalBasis, boolean appointmentRequired, String ticketCategory,
		@JsonInclude(JsonInclude.Include.NON_NULL) Boolean active) {

	public static ItemJson of(ServiceItem i, boolean withActive) {
		return new ItemJson(i.code(), i.name(), i.description(), i.departmentCode(), i.domain(), i.theme(), i.kind(),
				i.applicantTypes().stream().sorted().toList(), i.materials().stream().map(MaterialJson::of).toList(),
				i.fields(), i.outputs(), i.legalLimitDays(), i.promisedLimitDays(), i.jurisdiction(), i.fee(),
				i.feeNote(), i.channels().stream().sorted(Comparator.naturalOrder()).toList(), i.legalBasis(),
				i.appointmentRequired(), i.ticketCategory(), withActive ? i.active() : null);
	}

	/** A material with its applicant types in a stable order. */
	public record MaterialJson(String code, LocalizedText name, LocalizedText description, int originals, int copies,
			List<ApplicantType> applicantTypes, boolean attestationRequired) {

		static MaterialJson of(MaterialRequirement m) {
			return new MaterialJson(m.code(), m.name(), m.description(), m.originals(), m.copies(),
					m.applicantTypes().stream().sorted().toList(), m.attestationRequired());
		}

	}

}
