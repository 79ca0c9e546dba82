package org.hetao.estation.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.Draft;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.PersonalData;
import org.hetao.estation.shared.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Stored drafts. */
@Repository
public class Drafts {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final PersonalDataCipher cipher;

	Drafts(JdbcClient jdbc, ObjectMapper json, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.json = json;
		this.cipher = cipher;
	}

	private static final TypeReference<LinkedHashMap<String, String>> STRINGS = new TypeReference<>() {
	};

	public Draft create(long owner, String itemCode, String matterCode, ApplicantType type, Draft.WalkIn walkIn,
			CaseChannel channel, Instant now) {
		var keys = new GeneratedKeyHolder();
		String key = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into casework_draft (owner_account_id, item_code, matter_code, applicant_type, walk_in, answers,
				    materials, submission_key, created_at, updated_at, channel)
				values (:owner, :item, :matter, :type, :walkIn, '{}', '{}', :key, :now, :now, :channel)""")
			.param("channel", channel.name())
			.param("owner", owner)
			.param("item", itemCode)
			.param("matter", matterCode)
			.param("type", type.name())
			.param("walkIn", walkIn == null ? null
					: json.writeValueAsString(PersonalData.encryptFields(cipher, CaseworkPersonalData.DRAFT_WALK_IN,
							json.convertValue(walkIn, STRINGS))))
			.param("key", key)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return find(keys.getKeyAs(Number.class).longValue()).orElseThrow();
	}

	public Optional<Draft> find(long id) {
		return jdbc.sql("select * from casework_draft where id = :id").param("id", id).query(this::map).optional();
	}

	public Optional<Draft> findBySubmissionKey(String key) {
		return jdbc.sql("select * from casework_draft where submission_key = :k").param("k", key).query(this::map).optional();
	}

	/** The owner's drafts not yet submitted, most recently changed first. */
	public List<Draft> openDraftsOf(long owner) {
		return jdbc.sql("select * from casework_draft where owner_account_id = :o and case_id is null order by updated_at desc, id desc")
			.param("o", owner)
			.query(this::map)
			.list();
	}

	public void update(long id, Map<String, String> answers, Map<String, Long> materials, Instant now) {
		jdbc.sql("update casework_draft set answers = :a, materials = :m, updated_at = :now where id = :id and case_id is null")
			.param("a", json.writeValueAsString(PersonalData.encryptFields(cipher, CaseworkPersonalData.DRAFT_ANSWERS, answers)))
			.param("m", json.writeValueAsString(new LinkedHashMap<>(materials)))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
	}

	public void markSubmitted(long id, long caseId) {
		jdbc.sql("update casework_draft set case_id = :c where id = :id").param("c", caseId).param("id", id).update();
	}

	public void delete(long id) {
		jdbc.sql("delete from casework_draft where id = :id and case_id is null").param("id", id).update();
	}

	private Draft map(ResultSet rs, int n) throws SQLException {
		String walkIn = rs.getString("walk_in");
		long caseId = rs.getLong("case_id");
		Long submittedCase = rs.wasNull() ? null : caseId;
		return new Draft(rs.getLong("id"), rs.getLong("owner_account_id"), rs.getString("item_code"),
				rs.getString("matter_code"), ApplicantType.valueOf(rs.getString("applicant_type")),
				walkIn == null ? null : json.convertValue(PersonalData.decryptFields(cipher, CaseworkPersonalData.DRAFT_WALK_IN,
						json.readValue(walkIn, STRINGS)), Draft.WalkIn.class),
				PersonalData.decryptFields(cipher, CaseworkPersonalData.DRAFT_ANSWERS, json.readValue(rs.getString("answers"), STRINGS)),
				json.readValue(rs.getString("materials"), new TypeReference<LinkedHashMap<String, Long>>() {
				}), rs.getString("submission_key"), submittedCase,
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), CaseChannel.valueOf(rs.getString("channel")));
	}

}
