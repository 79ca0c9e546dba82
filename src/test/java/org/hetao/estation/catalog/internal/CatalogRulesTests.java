package org.hetao.estation.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The rules on their own, without Spring or a database, on copies of the small test catalogue. */
class CatalogRulesTests {

	@TempDir
	Path temp;

	static List<CatalogError> check(CatalogFixtures fixtures) {
		CatalogReader.Read read = new CatalogReader(CatalogJson.MAPPER).readFiles(fixtures.location());
		return StoredCatalog.check(read, "catalog.json", "matters.json");
	}

	static List<String> where(List<CatalogError> errors) {
		return errors.stream().map(e -> e.source() + "|" + e.code() + "|" + e.field() + "|" + e.messageKey()).toList();
	}

	@Test
	void theTestCatalogueIsWhole() {
		assertThat(check(CatalogFixtures.copy(temp.resolve("ok")))).isEmpty();
	}

	@Test
	void everyFaultIsReportedWithFileCodeAndField() {
		CatalogFixtures broken = CatalogFixtures.copy(temp.resolve("broken"))
			.edit("catalog.json", root -> ((ArrayNode) root.get("themes")).remove(3))
			.item("CUS-0001", i -> i.put("code", "CUS-0002"))
			.item("TAX-0001", i -> ((ObjectNode) i.get("materials").get(0)).put("originals", 0).put("copies", 0))
			.item("GOV-0001", i -> ((ObjectNode) i.get("fields").get(0)).put("pattern", "[unclosed"))
			.item("FIN-0001", i -> i.putArray("channels"))
			.item("EXC-0001", i -> i.put("dueSoonWorkingDays", -1));

		assertThat(where(check(broken))).contains(
				"catalog.json|LEISURE_INFORMATION|themes|catalog.error.categoryMissing",
				"items/b-other.json|CUS-0002|code|catalog.error.duplicate",
				"items/a-government.json|TAX-0001|materials[0].copies|catalog.error.noCopies",
				"items/a-government.json|GOV-0001|fields[0].pattern|catalog.error.pattern",
				"items/b-other.json|FIN-0001|channels|catalog.error.empty",
				"items/b-other.json|EXC-0001|dueSoonWorkingDays|catalog.error.negative");
	}

	@Test
	void aFeeIsInTheDepartmentsCurrencyAndItsFormAsksWhatItNeeds() {
		CatalogFixtures broken = CatalogFixtures.copy(temp.resolve("fees"))
			.item("GOV-0001", i -> i.putObject("fee").put("amount", 1000).put("currency", "HKD"))
			.item("TAX-0001", i -> i.putObject("fee").put("amount", 0).put("currency", "CNY"))
			.item("CUS-0001", i -> i.putObject("fee").put("amount", 1500).put("currency", "CNY").put("basis", "PER_COPY")
				.put("quantityField", "noSuchQuestion"))
			.item("FIN-0001", i -> i.putObject("fee").put("amount", 1500).put("currency", "CNY")
				.putObject("byAnswer").put("field", "noSuchChoice").putObject("amounts").put("A", 100));
		assertThat(where(check(broken))).contains("items/a-government.json|GOV-0001|fee.currency|catalog.error.feeCurrency",
				"items/a-government.json|TAX-0001|fee.amount|catalog.error.feeNotPositive",
				"items/a-government.json|CUS-0001|fee.quantityField|catalog.error.feeQuantity",
				"items/b-other.json|FIN-0001|fee.byAnswer|catalog.error.feeByAnswer");
		// and a fee as the rules want it passes
		CatalogFixtures fine = CatalogFixtures.copy(temp.resolve("fee-ok"))
			.item("GOV-0001", i -> i.putObject("fee").put("amount", 1000).put("currency", "CNY"));
		assertThat(check(fine)).isEmpty();
	}

	@Test
	void everyThemeNamesAPictureThatIsThere() {
		CatalogFixtures broken = CatalogFixtures.copy(temp.resolve("pictures"))
			.edit("catalog.json", root -> {
				((ObjectNode) root.get("themes").get(0)).remove("image");
				((ObjectNode) root.get("themes").get(1)).put("image", "no-such-picture.svg");
				((ObjectNode) root.get("themes").get(2)).put("image", "../logo.svg");
			});
		assertThat(where(check(broken))).containsExactlyInAnyOrder(
				"catalog.json|COMPREHENSIVE_SERVICES|themes[0].image|catalog.error.required",
				"catalog.json|EXHIBITION_EXCHANGE|themes[1].image|catalog.error.imageMissing",
				"catalog.json|BUSINESS_NEGOTIATION|themes[2].image|catalog.error.codeFormat");
	}

	@Test
	void anOutputMustFeedAnItemThatWaitsForIt() {
		CatalogFixtures broken = CatalogFixtures.copy(temp.resolve("order"))
			.matter("M-SETTLE", m -> ((ObjectNode) m.get("outputMappings").get(1)).put("toItem", "CUS-0001")
				.put("fromItem", "TAX-0001")
				.put("outputKey", "customsCode")
				.put("toField", "creditCode"));
		assertThat(where(check(broken))).contains("matters.json|M-SETTLE|outputMappings[1].outputKey|catalog.error.outputUnknown",
				"matters.json|M-SETTLE|outputMappings[1]|catalog.error.outputOrder");
	}

	@Test
	void aDocumentTheMatterIssuesMustBeNeededAndComeBeforeTheItemsNeedingIt() {
		// the base catalogue's registration (GOV-0001) issues the business licence its later items need: sound
		CatalogFixtures broken = CatalogFixtures.copy(temp.resolve("produced")).matter("M-SETTLE", m -> {
			ArrayNode produced = (ArrayNode) m.get("producedMaterials");
			produced.addObject().put("fromItem", "NOT-0001").put("materialCode", "HKID_COPY");
			produced.addObject().put("fromItem", "GOV-0001").put("materialCode", "NO_SUCH_DOCUMENT");
			// the tax item issuing the licence: the customs item does not wait for it, nor does the tax item itself
			((ObjectNode) produced.get(0)).put("fromItem", "TAX-0001");
		});
		assertThat(where(check(broken))).contains(
				"matters.json|M-SETTLE|producedMaterials[1].fromItem|catalog.error.notInMatter",
				"matters.json|M-SETTLE|producedMaterials[2].materialCode|catalog.error.materialNotNeeded",
				"matters.json|M-SETTLE|producedMaterials[0]|catalog.error.materialOrder");
	}

}
