package org.hetao.estation.park.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hetao.estation.directory.Background;
import org.hetao.estation.directory.ResearchField;
import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.shared.ApplicantType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Settlement applications and their recorded steps. */
@Repository
public class SettlementApplications {

	private final JdbcClient jdbc;

	public SettlementApplications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(SettlementApplication a) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into park_settlement (reference, applicant_id, applicant_username, applicant_type, company_name, "
				+ "company_name_en, description, base_code, area_wanted, use_wanted, move_in_date, team_size, hk_team_members, "
				+ "background, hk_facts, fields, website, contact, plan_file_name, plan_storage_key, plan_size, state, "
				+ "due_date, due_provisional, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(a.reference(), a.applicantId(), a.applicantUsername(), a.applicantType().name(), a.companyName(),
					a.companyNameEn(), a.description(), a.base().name(), a.areaWanted(), a.useWanted().name(),
					a.moveInDate(), a.teamSize(), a.hkTeamMembers(), a.background().name(), a.hkFacts(),
					a.fields().stream().map(Enum::name).collect(Collectors.joining(",")), a.website(), a.contact(),
					a.planFileName(), a.planStorageKey(), a.planSize(), a.state().name(), a.dueDate(),
					a.dueProvisional(), a.submittedAt())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Moves an application on, if it is still in {@code from} at {@code version}: of two people acting on
	 * one application at once, one wins and the other gets a conflict.
	 */
	public boolean move(long id, int version, SettlementState from, SettlementState to, LocalDate due,
			boolean provisional) {
		return jdbc.sql("update park_settlement set state = ?, due_date = ?, due_provisional = ?, version = version + 1 "
				+ "where id = ? and state = ? and version = ?")
			.params(to.name(), due, provisional, id, from.name(), version)
			.update() == 1;
	}

	public void setConditions(long id, String conditions) {
		jdbc.sql("update park_settlement set conditions = ? where id = ?").params(conditions, id).update();
	}

	public void setOrganisation(long id, String code) {
		jdbc.sql("update park_settlement set organisation_code = ? where id = ?").params(code, id).update();
	}

	public void replacePlan(long id, String fileName, String storageKey, long size) {
		jdbc.sql("update park_settlement set plan_file_name = ?, plan_storage_key = ?, plan_size = ? where id = ?")
			.params(fileName, storageKey, size, id)
			.update();
	}

	public void recordStep(long id, String step, SettlementState from, SettlementState to, String actor,
			OffsetDateTime at, String note) {
		jdbc.sql("insert into park_settlement_step (application_id, step, from_state, to_state, actor, at, note) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(id, step, from == null ? null : from.name(), to.name(), actor, at, note)
			.update();
	}

	public List<SettlementApplication.Step> steps(long id) {
		return jdbc.sql("select * from park_settlement_step where application_id = ? order by id")
			.param(id)
			.query((rs, n) -> new SettlementApplication.Step(rs.getString("step"),
					rs.getString("from_state") == null ? null : SettlementState.valueOf(rs.getString("from_state")),
					SettlementState.valueOf(rs.getString("to_state")), rs.getString("actor"),
					rs.getObject("at", OffsetDateTime.class), rs.getString("note")))
			.list();
	}

	public Optional<SettlementApplication> byId(long id) {
		return jdbc.sql("select * from park_settlement where id = ?").param(id).query(SettlementApplications::map).optional();
	}

	public List<SettlementApplication> ofApplicant(long applicantId) {
		return jdbc.sql("select * from park_settlement where applicant_id = ? order by submitted_at desc, id desc")
			.param(applicantId)
			.query(SettlementApplications::map)
			.list();
	}

	public List<SettlementApplication> all() {
		return jdbc.sql("select * from park_settlement order by case when state in ('REJECTED', 'ALLOCATED') then 1 else 0 end, "
				+ "due_date, id")
			.query(SettlementApplications::map)
			.list();
	}

	public void setReference(long id, String reference) {
		jdbc.sql("update park_settlement set reference = ? where id = ?").params(reference, id).update();
	}

	private static SettlementApplication map(ResultSet rs, int n) throws SQLException {
		String fields = rs.getString("fields");
		return new SettlementApplication(rs.getLong("id"), rs.getString("reference"), rs.getLong("applicant_id"),
				rs.getString("applicant_username"), ApplicantType.valueOf(rs.getString("applicant_type")),
				rs.getString("company_name"), rs.getString("company_name_en"), rs.getString("description"),
				ScienceBase.valueOf(rs.getString("base_code")), rs.getBigDecimal("area_wanted"),
				UnitUse.valueOf(rs.getString("use_wanted")), rs.getObject("move_in_date", LocalDate.class),
				rs.getInt("team_size"), rs.getInt("hk_team_members"), Background.valueOf(rs.getString("background")),
				rs.getString("hk_facts"),
				fields == null || fields.isBlank() ? List.of()
						: Arrays.stream(fields.split(",")).map(ResearchField::valueOf).toList(),
				rs.getString("website"), rs.getString("contact"), rs.getString("plan_file_name"),
				rs.getString("plan_storage_key"), rs.getLong("plan_size"), SettlementState.valueOf(rs.getString("state")),
				rs.getObject("due_date", LocalDate.class), rs.getBoolean("due_provisional"), rs.getString("conditions"),
				rs.getString("organisation_code"), rs.getObject("submitted_at", OffsetDateTime.class), rs.getInt("version"));
	}

}
