package org.hetao.estation.casework;

import java.util.List;
import java.util.Set;

import org.hetao.estation.catalog.Channel;
import org.hetao.estation.catalog.FieldType;
import org.hetao.estation.catalog.FormField;
import org.hetao.estation.catalog.ItemKind;
import org.hetao.estation.catalog.ItemOutput;
import org.hetao.estation.catalog.MaterialRequirement;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceDomain;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.catalog.Theme;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.LocalizedText;

/** A small matter shaped like "an HK start-up settles in the park", for plain-Java tests. */
final class PlanFixtures {

	static LocalizedText t(String s) {
		return LocalizedText.of(s, s, s);
	}

	static FormField field(String key, FieldType type, boolean required, String pattern) {
		return new FormField(key, t(key), type, required, pattern, List.of());
	}

	static MaterialRequirement material(String code, ApplicantType... only) {
		return new MaterialRequirement(code, t(code), t(code), 1, 1, Set.of(only), false);
	}

	static ServiceItem item(String code, String department, List<MaterialRequirement> materials,
			List<FormField> fields, List<ItemOutput> outputs) {
		return new ServiceItem(code, t(code), t(code), department, ServiceDomain.GOVERNMENT_AFFAIRS,
				Theme.COMPREHENSIVE_SERVICES, ItemKind.APPLICATION,
				Set.of(ApplicantType.HK_RESIDENT, ApplicantType.HK_ENTERPRISE, ApplicantType.MAINLAND_RESIDENT), materials,
				fields, outputs, 20, 5, Jurisdiction.CN, null, null, Set.of(Channel.ONLINE, Channel.WINDOW),
				t("law"), false, "A", true);
	}

	static final ServiceItem REGISTRATION = item("MR-REG", "market-regulation",
			List.of(material("HKID_COPY"), material("BR_CERTIFICATE", ApplicantType.HK_ENTERPRISE),
					material("LEASE")),
			List.of(field("companyName", FieldType.TEXT, true, null), field("capital", FieldType.NUMBER, true, null),
					field("contactPhone", FieldType.PHONE, true, null)),
			List.of(new ItemOutput("creditCode", t("credit code"))));

	static final ServiceItem TAX = item("TAX-REG", "tax", List.of(material("HKID_COPY"), material("BANK_LETTER")),
			List.of(field("companyName", FieldType.TEXT, true, null), field("creditCode", FieldType.CREDIT_CODE, true, null),
					field("accountant", FieldType.TEXT, true, "[A-Za-z ]+")),
			List.of());

	static final Matter MATTER = new Matter("HK-STARTUP-SETTLE", t("settle"), t("settle"),
			List.of(new Matter.MatterItem("MR-REG", List.of()), new Matter.MatterItem("TAX-REG", List.of("MR-REG"))),
			List.of(new Matter.SharedField("companyName", t("company"), FieldType.TEXT, true, null,
					List.of(new Matter.FieldTarget("MR-REG", "companyName"), new Matter.FieldTarget("TAX-REG", "companyName")))),
			List.of(new Matter.OutputMapping("MR-REG", "creditCode", "TAX-REG", "creditCode")), List.of(), true);

	private PlanFixtures() {
	}

}
