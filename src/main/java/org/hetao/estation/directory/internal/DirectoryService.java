package org.hetao.estation.directory.internal;

import java.util.List;
import java.util.Optional;

import org.hetao.estation.directory.Directory;
import org.hetao.estation.directory.Organisation;
import org.hetao.estation.directory.OrganisationChanged;
import org.hetao.estation.directory.OrganisationFilter;
import org.hetao.estation.shared.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes the directory; every change publishes {@link OrganisationChanged}. */
@Service
public class DirectoryService implements Directory {

	private final Organisations organisations;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	public DirectoryService(Organisations organisations, ApplicationEventPublisher events, JdbcClient jdbc) {
		this.organisations = organisations;
		this.events = events;
		this.jdbc = jdbc;
	}

	@Override
	public List<Organisation> all() {
		return organisations.all();
	}

	@Override
	public Optional<Organisation> byCode(String code) {
		return code == null ? Optional.empty() : organisations.byCode(code);
	}

	@Override
	public List<Organisation> find(OrganisationFilter filter) {
		return organisations.all().stream().filter(filter::matches).toList();
	}

	@Override
	public String dataVersion() {
		return jdbc.sql("select version from directory_data_version where data_set = 'organisations'")
			.query(String.class)
			.optional()
			.orElse("-");
	}

	@Override
	@Transactional
	public Organisation addSettledEnterprise(Organisation organisation, String actor) {
		Organisation settled = withOrigin(organisation, Organisation.Origin.SETTLEMENT, 0);
		return create(settled, actor);
	}

	/** The operator adds an organisation. */
	@Transactional
	public Organisation create(Organisation organisation, String actor) {
		check(organisation);
		if (organisations.byCode(organisation.code()).isPresent()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "directory.error.codeTaken",
					List.of(new Problem.FieldError("code", "directory.error.codeTaken")));
		}
		organisations.insert(organisation, null, actor);
		events.publishEvent(new OrganisationChanged(organisation.code(), OrganisationChanged.Change.ADDED,
				organisation.origin()));
		return organisations.byCode(organisation.code()).orElseThrow();
	}

	/** The operator edits an organisation; {@code organisation.version()} is the version they saw. */
	@Transactional
	public Organisation update(Organisation organisation, String actor) {
		check(organisation);
		organisations.byCode(organisation.code()).orElseThrow(() -> Problem.notFound("directory.error.notFound"));
		organisations.update(organisation, null, actor);
		events.publishEvent(new OrganisationChanged(organisation.code(), OrganisationChanged.Change.UPDATED,
				organisation.origin()));
		return organisations.byCode(organisation.code()).orElseThrow();
	}

	private static void check(Organisation organisation) {
		List<String> problems = OrganisationRules.problems(organisation);
		if (!problems.isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "directory.error.invalid", String.join("; ", problems));
		}
	}

	static Organisation withOrigin(Organisation o, Organisation.Origin origin, int version) {
		return new Organisation(o.code(), o.kind(), o.name(), o.description(), o.background(), o.hkMemberShare(),
				o.fields(), o.location(), o.website(), o.contact(), o.incubator(), o.source(), o.illustrative(), origin,
				version);
	}

}
