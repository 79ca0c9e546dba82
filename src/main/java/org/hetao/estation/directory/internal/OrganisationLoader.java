package org.hetao.estation.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hetao.estation.directory.Background;
import org.hetao.estation.directory.Organisation;
import org.hetao.estation.directory.OrganisationChanged;
import org.hetao.estation.directory.OrganisationKind;
import org.hetao.estation.directory.ResearchField;
import org.hetao.estation.shared.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads {@code directory/organisations.json} at start-up. Loading is idempotent: the file carries a
 * version, and a version already loaded changes nothing. A new version adds new records and updates
 * records that still come from the data; records the operator has edited keep the operator's text.
 * A record that breaks the rules stops the start-up with a message naming it.
 */
@Component
@Order(20)
public class OrganisationLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OrganisationLoader.class);

	static final String DATA_SET = "organisations";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Organisations organisations;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Resource file;

	public OrganisationLoader(Organisations organisations, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock, @Value("${estation.directory.organisations:classpath:directory/organisations.json}") Resource file) {
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.file = file;
	}

	/** The data file's shape. */
	public record DataFile(String version, String note, List<Entry> organisations) {
	}

	/** One organisation in the data file. */
	public record Entry(String code, OrganisationKind kind, LocalizedText name, LocalizedText description,
			Background background, Integer hkMemberShare, List<ResearchField> fields, Organisation.Location location,
			String website, String contact, Organisation.IncubatorFigures incubator, String source,
			boolean illustrative) {

		Organisation toOrganisation(int version) {
			return new Organisation(code, kind, name, description, background, hkMemberShare, fields, location, website,
					contact, incubator, source, illustrative, Organisation.Origin.DATA, version);
		}

	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		DataFile data = read(file);
		String loaded = jdbc.sql("select version from directory_data_version where data_set = ?")
			.param(DATA_SET)
			.query(String.class)
			.optional()
			.orElse(null);
		if (data.version().equals(loaded)) {
			log.info("Directory data version {} already loaded", loaded);
			return;
		}
		int added = 0;
		int updated = 0;
		for (Entry entry : data.organisations()) {
			var existing = organisations.byCode(entry.code());
			if (existing.isEmpty()) {
				organisations.insert(entry.toOrganisation(0), data.version(), "data:organisations.json");
				events.publishEvent(new OrganisationChanged(entry.code(), OrganisationChanged.Change.ADDED,
						Organisation.Origin.DATA));
				added++;
			}
			else if (existing.get().origin() == Organisation.Origin.DATA) {
				organisations.update(entry.toOrganisation(existing.get().version()), data.version(),
						"data:organisations.json");
				events.publishEvent(new OrganisationChanged(entry.code(), OrganisationChanged.Change.UPDATED,
						Organisation.Origin.DATA));
				updated++;
			}
		}
		int changed = loaded == null
				? jdbc.sql("insert into directory_data_version (data_set, version, loaded_at) values (?, ?, ?)")
					.params(DATA_SET, data.version(), OffsetDateTime.now(clock))
					.update()
				: jdbc.sql("update directory_data_version set version = ?, loaded_at = ? where data_set = ?")
					.params(data.version(), OffsetDateTime.now(clock), DATA_SET)
					.update();
		log.info("Directory data version {} loaded: {} added, {} updated ({} row)", data.version(), added, updated,
				changed);
	}

	/** Reads and checks the file; a broken record fails with its code and what is wrong. */
	public static DataFile read(Resource resource) throws IOException {
		DataFile data;
		try (InputStream in = resource.getInputStream()) {
			data = JSON.readValue(in, DataFile.class);
		}
		catch (tools.jackson.core.JacksonException e) {
			throw new IllegalStateException("directory/organisations.json is not valid: " + e.getOriginalMessage(), e);
		}
		if (data.version() == null || data.version().isBlank() || data.organisations() == null) {
			throw new IllegalStateException("directory/organisations.json needs a version and organisations");
		}
		Set<String> codes = new HashSet<>();
		List<String> problems = new ArrayList<>();
		for (Entry entry : data.organisations()) {
			if (!codes.add(String.valueOf(entry.code()))) {
				problems.add(entry.code() + ": code used twice");
			}
			OrganisationRules.problems(entry.toOrganisation(0)).forEach(p -> problems.add(entry.code() + ": " + p));
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("directory/organisations.json: " + String.join("; ", problems));
		}
		return data;
	}

}
