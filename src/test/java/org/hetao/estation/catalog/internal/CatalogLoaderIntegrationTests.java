package org.hetao.estation.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.hetao.estation.catalog.CatalogChanged;
import org.hetao.estation.catalog.ServiceItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The loader against the real database: idempotent, upserting, retiring, and refusing broken data whole. */
@SpringBootTest
@RecordApplicationEvents
class CatalogLoaderIntegrationTests {

	@Autowired
	StoredCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Value("${estation.catalog.location}")
	String configured;

	@Autowired
	CatalogStore store;

	@Autowired
	CatalogErrorMessages messages;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	java.time.Clock clock;

	@TempDir
	Path temp;

	@AfterEach
	void restoreTheConfiguredCatalogue() {
		catalog.load(configured);
	}

	String fingerprint() {
		return jdbc.sql("select version || source_version || changed_at from catalog_state").query(String.class).single()
				+ jdbc.sql("select count(*) || '/' || sum(length(data)) from catalog_item").query(String.class).single()
				+ jdbc.sql("select count(*) from catalog_item where active").query(String.class).single();
	}

	@Test
	void theConfiguredCatalogueIsLoadedAtStartAndASecondLoadOfTheSameVersionWritesNothing() {
		assertThat(catalog.items()).isNotEmpty();
		assertThat(catalog.version()).isNotBlank();
		String before = fingerprint();
		int itemVersions = jdbc.sql("select count(*) from catalog_item").query(Integer.class).single();

		StoredCatalog.LoadOutcome again = catalog.load(configured);

		assertThat(again.written()).isFalse();
		assertThat(fingerprint()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from catalog_item").query(Integer.class).single()).isEqualTo(itemVersions);
		assertThat(events.stream(CatalogChanged.class)).isEmpty();
	}

	/**
	 * At start the files are loaded on a thread of their own while the rest of the context is made: whoever reads
	 * the catalogue first waits for that load, and files that cannot be loaded still stop the start, with the
	 * message that names every fault, when the singletons are done.
	 */
	@Test
	void theStartsLoadRunsBesideTheContextAndStillStopsTheStartWhenTheFilesAreBroken() {
		StoredCatalog starting = new StoredCatalog(store, messages, publisher, transactions, clock, configured);
		starting.afterPropertiesSet();
		// asked at once, it answers from the loaded files, not from an empty catalogue
		assertThat(starting.items()).hasSameSizeAs(catalog.items());
		assertThat(starting.version()).isEqualTo(catalog.version());
		starting.afterSingletonsInstantiated();

		CatalogFixtures broken = CatalogFixtures.copy(temp.resolve("broken-start"))
			.version("test-broken-start")
			.item("CUS-0002", i -> ((tools.jackson.databind.node.ObjectNode) i.get("name")).remove("en"));
		StoredCatalog failing = new StoredCatalog(store, messages, publisher, transactions, clock, broken.location());
		failing.afterPropertiesSet();
		assertThatThrownBy(failing::afterSingletonsInstantiated).isInstanceOf(CatalogLoadException.class)
			.hasMessageContaining("CUS-0002 · name");
		assertThatThrownBy(failing::items).isInstanceOf(CatalogLoadException.class);
	}

	/** A restart on data already applied reads the version alone: the 2 MB of item files are not read again. */
	@Test
	void filesOfTheVersionAlreadyAppliedAreNotReadBeyondThatVersion() {
		String applied = jdbc.sql("select source_version from catalog_state").query(String.class).single();
		String before = fingerprint();
		// item files that a full read would refuse, under the version already applied
		CatalogFixtures same = CatalogFixtures.copy(temp.resolve("same"))
			.version(applied)
			.item("CUS-0002", i -> ((tools.jackson.databind.node.ObjectNode) i.get("name")).remove("en"));

		StoredCatalog.LoadOutcome outcome = catalog.load(same.location());

		assertThat(outcome.written()).isFalse();
		assertThat(fingerprint()).isEqualTo(before);
		// a new version of the same files is read whole, and refused
		assertThatThrownBy(() -> catalog.load(same.version(applied + "-next").location()))
			.isInstanceOf(CatalogLoadException.class)
			.hasMessageContaining("CUS-0002 · name");
	}

	@Test
	void aNewVersionUpsertsAndRetiresWhatIsGoneButNeverDeletesIt() {
		CatalogFixtures base = CatalogFixtures.copy(temp.resolve("v1"));
		catalog.load(base.location());
		assertThat(catalog.item("EXC-0001")).get().extracting(ServiceItem::active).isEqualTo(true);
		int rows = jdbc.sql("select count(*) from catalog_item").query(Integer.class).single();
		// a code never used before, since the database is shared between test runs
		String added = "NEW-" + Long.toString(System.nanoTime(), 36).toUpperCase();

		CatalogFixtures v2 = CatalogFixtures.copy(temp.resolve("v2"))
			.version("test-2")
			.removeItem("EXC-0001")
			.item("CUS-0002", i -> i.put("promisedLimitDays", 2))
			.edit("items/b-other.json", root -> {
				var copy = root.get("items").get(0).deepCopy();
				((tools.jackson.databind.node.ObjectNode) copy).put("code", added);
				((tools.jackson.databind.node.ObjectNode) copy.get("name")).put("en", "A brand-new consultation " + added)
					.put("zh-Hant", "全新的諮詢 " + added)
					.put("zh-Hans", "全新的咨询 " + added);
				((tools.jackson.databind.node.ArrayNode) root.get("items")).add(copy);
			});
		events.clear();

		StoredCatalog.LoadOutcome outcome = catalog.load(v2.location());

		assertThat(outcome.written()).isTrue();
		assertThat(outcome.changes()).isEqualTo(new CatalogChanged("test-2", 1, 1, 1));
		assertThat(events.stream(CatalogChanged.class)).containsExactly(new CatalogChanged("test-2", 1, 1, 1));
		assertThat(catalog.version()).isEqualTo("test-2");
		assertThat(catalog.item("CUS-0002")).get().extracting(ServiceItem::promisedLimitDays).isEqualTo(2);
		assertThat(catalog.item(added)).isPresent();
		// retired: still found by code (old cases refer to it), no longer listed
		assertThat(catalog.item("EXC-0001")).get().extracting(ServiceItem::active).isEqualTo(false);
		assertThat(catalog.items()).extracting(ServiceItem::code).doesNotContain("EXC-0001").contains(added);
		assertThat(jdbc.sql("select active from catalog_item where code = 'EXC-0001'").query(Boolean.class).single())
			.isFalse();
		assertThat(jdbc.sql("select count(*) from catalog_item").query(Integer.class).single()).isEqualTo(rows + 1);
	}

	@Test
	void aDependencyCycleIsAClearLoadErrorAndChangesNothing() {
		String before = fingerprint();
		CatalogFixtures broken = CatalogFixtures.copy(temp.resolve("cycle"))
			.version("test-cycle")
			.matter("M-SETTLE", m -> CatalogFixtures.matterItem(m, "GOV-0001").putArray("dependsOn").add("FIN-0001"));

		assertThatThrownBy(() -> catalog.load(broken.location())).isInstanceOf(CatalogLoadException.class)
			.hasMessageContaining("matters.json · M-SETTLE · items: The dependencies form a cycle")
			.hasMessageContaining("GOV-0001");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void anUnknownItemInAMatterIsAClearLoadError() {
		CatalogFixtures broken = CatalogFixtures.copy(temp.resolve("unknown"))
			.version("test-unknown")
			.matter("M-SETTLE", m -> ((tools.jackson.databind.node.ArrayNode) m.get("items")).addObject()
				.put("itemCode", "NOPE-0001")
				.putArray("dependsOn"));

		assertThatThrownBy(() -> catalog.load(broken.location())).isInstanceOf(CatalogLoadException.class)
			.hasMessageContaining("matters.json · M-SETTLE · items[4].itemCode: There is no item \"NOPE-0001\"");
	}

	@Test
	void mappingsToMissingFieldsOrOutputsAndBadLimitsAreReportedAllAtOnce() {
		String before = fingerprint();
		CatalogFixtures broken = CatalogFixtures.copy(temp.resolve("mapping"))
			.version("test-mapping")
			.matter("M-SETTLE", m -> {
				((tools.jackson.databind.node.ObjectNode) m.get("outputMappings").get(0)).put("outputKey", "licenceNumber");
				((tools.jackson.databind.node.ObjectNode) m.get("sharedFields").get(0).get("targets").get(1))
					.put("fieldKey", "companyTitle");
			})
			.item("TAX-0001", i -> i.put("promisedLimitDays", 30))
			.item("CUS-0001", i -> i.put("departmentCode", "no-such-department"));

		assertThatThrownBy(() -> catalog.load(broken.location())).isInstanceOf(CatalogLoadException.class)
			.hasMessageContaining("matters.json · M-SETTLE · outputMappings[0].outputKey: Item GOV-0001 has no output \"licenceNumber\"")
			.hasMessageContaining("matters.json · M-SETTLE · sharedFields[0].targets[1].fieldKey: Item TAX-0001 has no form field \"companyTitle\"")
			.hasMessageContaining("items/a-government.json · TAX-0001 · promisedLimitDays: The promised time limit (30 working days) is longer than the legal limit (10 working days)")
			.hasMessageContaining("items/a-government.json · CUS-0001 · departmentCode: There is no department \"no-such-department\"");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void incompleteTextsAreNamedWithFileCodeAndField() {
		CatalogFixtures broken = CatalogFixtures.copy(temp.resolve("text"))
			.version("test-text")
			.item("CUS-0002", i -> ((tools.jackson.databind.node.ObjectNode) i.get("name")).remove("en"));

		assertThatThrownBy(() -> catalog.load(broken.location())).isInstanceOf(CatalogLoadException.class)
			.hasMessageContaining("items/b-other.json · CUS-0002 · name: The text must be given in all three languages");
	}

}
