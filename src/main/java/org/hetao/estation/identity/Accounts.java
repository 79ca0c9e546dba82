package org.hetao.estation.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.EncryptedColumn;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The platform's accounts, staff and applicants alike. */
@Repository
public class Accounts {

	private final JdbcClient jdbc;

	private final Clock clock;

	/** The account holder's phone number is encrypted at rest (see {@link IdentityPersonalData}). */
	static final EncryptedColumn PHONE = EncryptedColumn.value("account", "phone");

	private final PersonalDataCipher cipher;

	Accounts(JdbcClient jdbc, Clock clock, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cipher = cipher;
	}

	/** What a new account holds; the password is already hashed. */
	public record NewAccount(String username, String passwordHash, String displayName, String email, String phone,
			Language preferredLanguage, ApplicantType applicantType, String departmentCode, Set<Role> roles) {
	}

	@Transactional
	public long create(NewAccount account) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into account (username, password_hash, display_name, email, phone, preferred_language,
				                     applicant_type, department_code, roles, enabled, created_at)
				values (:username, :hash, :name, :email, :phone, :lang, :type, :dept, :roles, true, :now)
				""")
			.param("username", account.username())
			.param("hash", account.passwordHash())
			.param("name", account.displayName())
			.param("email", account.email() == null ? null : account.email().toLowerCase(Locale.ROOT))
			.param("phone", cipher.encrypt(account.phone(), PHONE.context()))
			.param("lang", account.preferredLanguage().tag())
			.param("type", account.applicantType() == null ? null : account.applicantType().name())
			.param("dept", account.departmentCode())
			.param("roles", account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")))
			.param("now", OffsetDateTime.now(clock))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public Optional<EstationUser> findByUsername(String username) {
		return jdbc.sql(SELECT + " where username = :u or email = :e")
			.param("u", username)
			.param("e", username == null ? null : username.toLowerCase(Locale.ROOT))
			.query(Accounts::map)
			.optional();
	}

	public Optional<EstationUser> findById(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Accounts::map).optional();
	}

	/** How to reach an account holder, for the notification module: email and phone may be {@code null}. */
	public record Contact(long id, String displayName, String email, String phone, Language preferredLanguage) {
	}

	/** The contacts of these accounts, read in one statement; ids without an account are left out. */
	public Map<Long, Contact> contacts(Collection<Long> ids) {
		Map<Long, Contact> found = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select id, display_name, email, phone, preferred_language from account where id in (:ids)")
				.param("ids", ids)
				.query(this::contactRow)
				.list()
				.forEach(c -> found.put(c.id(), c));
		}
		return found;
	}

	private Contact contactRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Contact(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
				cipher.decrypt(rs.getString("phone"), PHONE.context()),
				Language.fromTag(rs.getString("preferred_language")).orElse(Language.DEFAULT));
	}

	public Optional<Contact> contact(long id) {
		return jdbc.sql("select id, display_name, email, phone, preferred_language from account where id = :id")
			.param("id", id)
			.query(this::contactRow)
			.optional();
	}

	/** Whether any enabled account holds the role. */
	public boolean anyWithRole(Role role) {
		return jdbc.sql("select count(*) from account where enabled = true and ',' || roles || ',' like :r")
			.param("r", "%," + role.name() + ",%")
			.query(Long.class)
			.single() > 0;
	}

	public boolean usernameOrEmailTaken(String username, String email) {
		return jdbc.sql("select count(*) from account where username = :u or email = :e")
			.param("u", username)
			.param("e", email == null ? null : email.toLowerCase(Locale.ROOT))
			.query(Long.class)
			.single() > 0;
	}

	/** Officers of a department, for modules that need to tell them something. */
	public List<EstationUser> officersOf(String departmentCode) {
		return jdbc.sql(SELECT + " where department_code = :d order by username")
			.param("d", departmentCode)
			.query(Accounts::map)
			.list();
	}

	/**
	 * The supervisors to tell of a department's overdue work: those of the department and the centre's own (a
	 * supervisor without a department), enabled ones only.
	 */
	public List<EstationUser> supervisorsOf(String departmentCode) {
		return jdbc.sql(SELECT + " where enabled = true and ',' || roles || ',' like :r"
				+ " and (department_code is null or department_code = :d) order by username")
			.param("r", "%," + Role.SUPERVISOR.name() + ",%")
			.param("d", departmentCode)
			.query(Accounts::map)
			.list();
	}

	public void updateApplicantType(long id, ApplicantType type) {
		jdbc.sql("update account set applicant_type = :t where id = :id").param("t", type.name()).param("id", id).update();
	}

	public void updatePreferredLanguage(long id, Language language) {
		jdbc.sql("update account set preferred_language = :l where id = :id")
			.param("l", language.tag())
			.param("id", id)
			.update();
	}

	/** Sets a new password hash; used by the demo seeding when it generates a new demo password. */
	void updatePassword(String username, String passwordHash) {
		jdbc.sql("update account set password_hash = :h where username = :u")
			.param("h", passwordHash)
			.param("u", username)
			.update();
	}

	private static java.time.Instant lockedUntil(OffsetDateTime t) {
		return t == null ? null : t.toInstant();
	}

	private static final String SELECT = """
			select id, username, password_hash, display_name, roles, department_code, applicant_type,
			       preferred_language, enabled, locked_until
			from account""";

	private static EstationUser map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
		String type = rs.getString("applicant_type");
		return new EstationUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
				rs.getString("display_name"), roles, rs.getString("department_code"),
				type == null ? null : ApplicantType.valueOf(type),
				Language.fromTag(rs.getString("preferred_language")).orElse(Language.DEFAULT), rs.getBoolean("enabled"),
				lockedUntil(rs.getObject("locked_until", OffsetDateTime.class)));
	}

}
