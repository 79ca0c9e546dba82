package org.hetao.estation.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hetao.estation.directory.Background;
import org.hetao.estation.directory.Organisation;
import org.hetao.estation.directory.Organisation.IncubatorFigures;
import org.hetao.estation.directory.Organisation.Location;
import org.hetao.estation.directory.OrganisationKind;
import org.hetao.estation.directory.ResearchField;
import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.shared.LocalizedText;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations table. */
@Repository
public class Organisations {

	private static final String COLUMNS = "code, kind, name_zh_hant, name_zh_hans, name_en, description_zh_hant, "
			+ "description_zh_hans, description_en, background, hk_member_share, fields, base_code, building, floor_label, "
			+ "unit_label, longitude, latitude, website, contact, teams_hosted, hk_background_teams, hk_background_share, "
			+ "teams_served, source_note, illustrative, origin, version";

	private final JdbcClient jdbc;

	private final Clock clock;

	public Organisations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<Organisation> all() {
		return jdbc.sql("select " + COLUMNS + " from directory_organisation order by kind, code")
			.query(Organisations::map)
			.list();
	}

	public Optional<Organisation> byCode(String code) {
		return jdbc.sql("select " + COLUMNS + " from directory_organisation where code = ?")
			.param(code)
			.query(Organisations::map)
			.optional();
	}

	public Optional<String> dataVersionOf(String code) {
		return jdbc.sql("select data_version from directory_organisation where code = ?")
			.param(code)
			.query(String.class)
			.optional();
	}

	public void insert(Organisation o, String dataVersion, String actor) {
		jdbc.sql("insert into directory_organisation (" + COLUMNS + ", data_version, updated_at, updated_by) values ("
				+ "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
			.params(values(o))
			.param(dataVersion)
			.param(OffsetDateTime.now(clock))
			.param(actor)
			.update();
	}

	/** Updates the row if nobody changed it since {@code o.version()}; otherwise fails with a conflict. */
	public void update(Organisation o, String dataVersion, String actor) {
		List<Object> values = values(o);
		int updated = jdbc.sql("update directory_organisation set kind = ?, name_zh_hant = ?, name_zh_hans = ?, name_en = ?, "
				+ "description_zh_hant = ?, description_zh_hans = ?, description_en = ?, background = ?, hk_member_share = ?, "
				+ "fields = ?, base_code = ?, building = ?, floor_label = ?, unit_label = ?, longitude = ?, latitude = ?, "
				+ "website = ?, contact = ?, teams_hosted = ?, hk_background_teams = ?, hk_background_share = ?, "
				+ "teams_served = ?, source_note = ?, illustrative = ?, origin = ?, data_version = ?, updated_at = ?, "
				+ "updated_by = ?, version = version + 1 where code = ? and version = ?")
			.params(values.subList(1, values.size()))
			.param(dataVersion)
			.param(OffsetDateTime.now(clock))
			.param(actor)
			.param(o.code())
			.param(o.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Organisation " + o.code() + " was changed by someone else");
		}
	}

	private static List<Object> values(Organisation o) {
		Location l = o.location() == null ? new Location(null, null, null, null, null, null) : o.location();
		IncubatorFigures f = o.incubator() == null ? new IncubatorFigures(null, null, null, null) : o.incubator();
		return Arrays.asList(o.code(), o.kind().name(), o.name().zhHant(), o.name().zhHans(), o.name().en(),
				o.description().zhHant(), o.description().zhHans(), o.description().en(), o.background().name(),
				o.hkMemberShare(), o.fields().stream().map(Enum::name).collect(Collectors.joining(",")),
				l.base() == null ? null : l.base().name(), l.building(), l.floor(), l.unit(), l.longitude(), l.latitude(),
				o.website(), o.contact(), f.teamsHosted(), f.hkBackgroundTeams(), f.hkBackgroundShare(), f.teamsServed(),
				o.source(), o.illustrative(), o.origin().name());
	}

	private static Organisation map(ResultSet rs, int row) throws SQLException {
		String fields = rs.getString("fields");
		List<ResearchField> fieldList = fields == null || fields.isBlank() ? List.of()
				: Arrays.stream(fields.split(",")).map(ResearchField::valueOf).toList();
		String base = rs.getString("base_code");
		Location location = new Location(base == null ? null : ScienceBase.valueOf(base), rs.getString("building"),
				rs.getString("floor_label"), rs.getString("unit_label"), rs.getBigDecimal("longitude"),
				rs.getBigDecimal("latitude"));
		OrganisationKind kind = OrganisationKind.valueOf(rs.getString("kind"));
		IncubatorFigures figures = new IncubatorFigures(integer(rs, "teams_hosted"), integer(rs, "hk_background_teams"),
				integer(rs, "hk_background_share"), integer(rs, "teams_served"));
		boolean anyFigure = figures.teamsHosted() != null || figures.hkBackgroundTeams() != null
				|| figures.hkBackgroundShare() != null || figures.teamsServed() != null;
		return new Organisation(rs.getString("code"), kind,
				LocalizedText.of(rs.getString("name_zh_hant"), rs.getString("name_zh_hans"), rs.getString("name_en")),
				LocalizedText.of(rs.getString("description_zh_hant"), rs.getString("description_zh_hans"),
						rs.getString("description_en")),
				Background.valueOf(rs.getString("background")), integer(rs, "hk_member_share"), fieldList, location,
				rs.getString("website"), rs.getString("contact"),
				kind == OrganisationKind.INCUBATOR || anyFigure ? figures : null, rs.getString("source_note"),
				rs.getBoolean("illustrative"), Organisation.Origin.valueOf(rs.getString("origin")), rs.getInt("version"));
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
