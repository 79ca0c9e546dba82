package org.hetao.estation.catalog.internal;

import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceItem;

import tools.jackson.databind.json.JsonMapper;

/** The catalogue's own JSON mapping (independent of the web layer's settings, so stored rows never change shape). */
final class CatalogJson {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private CatalogJson() {
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	static ServiceItem item(String json, boolean active) {
		return withActive(MAPPER.readValue(json, ServiceItem.class), active);
	}

	static Matter matter(String json, boolean active) {
		return withActive(MAPPER.readValue(json, Matter.class), active);
	}

	static ServiceItem withActive(ServiceItem i, boolean active) {
		if (i.active() == active) {
			return i;
		}
		return new ServiceItem(i.code(), i.name(), i.description(), i.departmentCode(), i.domain(), i.theme(), i.kind(),
				i.applicantTypes(), i.materials(), i.fields(), i.outputs(), i.legalLimitDays(), i.promisedLimitDays(),
				i.jurisdiction(), i.fee(), i.feeNote(), i.channels(), i.legalBasis(), i.appointmentRequired(),
				i.ticketCategory(), active, i.dueSoonWorkingDays());
	}

	static Matter withActive(Matter m, boolean active) {
		if (m.active() == active) {
			return m;
		}
		return new Matter(m.code(), m.name(), m.description(), m.items(), m.sharedFields(), m.outputMappings(),
				m.producedMaterials(), active);
	}

}
