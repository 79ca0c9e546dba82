package org.hetao.estation.casework.internal;

import static org.hetao.estation.shared.Timestamps.instant;
import static org.hetao.estation.shared.Timestamps.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.hetao.estation.casework.Actor;
import org.hetao.estation.casework.Applicant;
import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.Deficiency;
import org.hetao.estation.casework.DeliveryMethod;
import org.hetao.estation.casework.TaskClock;
import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.calendar.WorkingDayClock;
import org.hetao.estation.casework.TaskStatus;
import org.hetao.estation.casework.TimelineEntry;
import org.hetao.estation.catalog.Channel;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Databases;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.PersonalData;
import org.hetao.estation.shared.PersonalDataCipher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Stores and reads cases with their tasks, materials and timeline. */
@Repository
public class CaseRepository {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final PersonalDataCipher cipher;

	private final NamedParameterJdbcTemplate named;

	/** Whether the database is PostgreSQL: a step's load locks only the case row ({@code for update of c}). */
	private final boolean postgres;

	CaseRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, ObjectMapper json, PersonalDataCipher cipher,
			DataSource dataSource) {
		this.postgres = Databases.isPostgres(dataSource);
		this.jdbc = jdbc;
		this.named = named;
		this.json = json;
		this.cipher = cipher;
	}

	/** Inserts a new case; the case and its tasks receive their ids. */
	public long insert(Case c, long submittedBy, String idempotencyKey) {
		var keys = new GeneratedKeyHolder();
		Applicant a = c.applicant();
		jdbc.sql("""
				insert into casework_case (receipt_number, applicant_account_id, applicant_name, applicant_type,
				    applicant_id_type, applicant_id_number, applicant_id_number_bidx, applicant_phone,
				    applicant_phone_bidx, matter_code, channel, status, latest_deadline, output_mappings, submitted_by,
				    idempotency_key, submitted_at, updated_at)
				values (:receipt, :account, :name, :type, :idType, :idNumber, :idIndex, :phone, :phoneIndex, :matter,
				    :channel, :status, :deadline, :mappings, :by, :key, :at, :at)""")
			.param("receipt", c.receiptNumber())
			.param("account", a.accountId())
			.param("name", a.name())
			.param("type", a.type().name())
			.param("idType", a.idDocumentType())
			.param("idNumber", cipher.encrypt(a.idDocumentNumber(), CaseworkPersonalData.ID_NUMBER.context()))
			.param("idIndex", CaseworkPersonalData.ID_NUMBER.blindIndexOf(cipher, a.idDocumentNumber()))
			.param("phone", cipher.encrypt(a.phone(), CaseworkPersonalData.PHONE.context()))
			.param("phoneIndex", CaseworkPersonalData.PHONE.blindIndexOf(cipher, a.phone()))
			.param("matter", c.matterCode())
			.param("channel", c.channel().name())
			.param("status", c.status().name())
			.param("deadline", c.latestDeadline().orElse(null))
			.param("mappings", json.writeValueAsString(c.outputMappings()))
			.param("by", submittedBy)
			.param("key", idempotencyKey)
			.param("at", ts(c.submittedAt()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		// all tasks in one batch (one round trip), their generated ids read back in order
		List<ItemTask> tasks = c.tasks();
		SqlParameterSource[] rows = new SqlParameterSource[tasks.size()];
		for (int position = 0; position < rows.length; position++) {
			ItemTask.State s = tasks.get(position).state();
			rows[position] = taskParams(s).addValue("case", id)
				.addValue("position", position)
				.addValue("item", s.itemCode())
				.addValue("department", s.departmentCode())
				.addValue("dependsOn", String.join(",", s.dependsOn()))
				.addValue("at", ts(c.submittedAt()));
		}
		var taskKeys = new GeneratedKeyHolder();
		named.batchUpdate("""
				insert into casework_task (case_id, position, item_code, department_code, depends_on, status,
				    form_data, checked_materials, deficiencies, reason, outputs, delivery, jurisdiction,
				    promised_days, clock_started_on, clock_paused_on, paused_days, clock_pauses, due_soon_days, deadline, deadline_provisional,
				    version, updated_at, complete_at)
				values (:case, :position, :item, :department, :dependsOn, :status, :formData, :checked,
				    :deficiencies, :reason, :outputs, :delivery, :jurisdiction, :promised, :started, :paused,
				    :pausedDays, :pauses, :dueSoon, :deadline, :provisional, 0, :at, :completeAt)""", rows, taskKeys, new String[] { "id" });
		List<Map<String, Object>> generated = taskKeys.getKeyList();
		if (generated.size() != tasks.size()) {
			throw new IllegalStateException(generated.size() + " task ids for " + tasks.size() + " tasks");
		}
		Map<Long, Map<String, Long>> materials = new LinkedHashMap<>();
		for (int i = 0; i < tasks.size(); i++) {
			ItemTask task = tasks.get(i);
			Map<String, Object> key = generated.get(i);
			Object value = key.containsKey("id") ? key.get("id") : key.values().iterator().next();
			task.stored(((Number) value).longValue(), 0);
			materials.put(task.id(), task.state().materials());
		}
		insertMaterials(materials);
		insertTimeline(id, c.newTimelineEntries());
		c.stored(id);
		return id;
	}

	/**
	 * Stores what changed: each changed task only if nobody changed it since it was read (else
	 * {@link OptimisticLockingFailureException}), the new timeline entries and the case's status.
	 */
	public void save(Case c, Instant now) {
		for (ItemTask task : c.tasks()) {
			if (!task.changed()) {
				continue;
			}
			ItemTask.State s = task.state();
			int updated = jdbc.sql("""
					update casework_task set status = :status, form_data = :formData, checked_materials = :checked,
					    deficiencies = :deficiencies, reason = :reason, outputs = :outputs, delivery = :delivery,
					    jurisdiction = :jurisdiction, promised_days = :promised, clock_started_on = :started,
					    clock_paused_on = :paused, paused_days = :pausedDays, clock_pauses = :pauses,
				    due_soon_days = :dueSoon, deadline = :deadline,
					    deadline_provisional = :provisional, complete_at = :completeAt, version = version + 1,
					    updated_at = :at
					where id = :id and version = :version""")
				.paramSource(taskParams(s).addValue("at", ts(now))
					.addValue("id", s.id())
					.addValue("version", s.version()))
				.update();
			if (updated != 1) {
				throw new OptimisticLockingFailureException("task " + s.id() + " was changed by someone else");
			}
			if (task.materialsChanged()) {
				jdbc.sql("delete from casework_task_material where task_id = :id").param("id", s.id()).update();
				insertMaterials(Map.of(s.id(), s.materials()));
			}
			task.stored(s.id(), s.version() + 1);
		}
		insertTimeline(c.id(), c.newTimelineEntries());
		if (c.summaryChanged()) {
			// the case row holds only the status and the latest deadline, derived from the tasks: most steps
			// (accepting one task of several, starting a review) change neither
			jdbc.sql("update casework_case set status = :status, latest_deadline = :deadline, updated_at = :at where id = :id")
				.param("status", c.status().name())
				.param("deadline", c.latestDeadline().orElse(null))
				.param("at", ts(now))
				.param("id", c.id())
				.update();
		}
		c.stored(c.id());
	}

	/** Reads a case; {@code lock} holds its row until the transaction ends, so changes to one case queue up. */
	public Optional<Case> load(long id, boolean lock) {
		return load(jdbc.sql("select * from casework_case where id = :id" + (lock ? " for update" : "")).param("id", id));
	}

	/**
	 * Reads and locks the case of a task for a step on it: the case row in one statement (locked), its tasks and
	 * their materials. Not its timeline: a step appends to it and never reads it, so the case comes back with only
	 * the entries the step adds.
	 */
	public Optional<Case> loadOfTaskForUpdate(long taskId) {
		// one statement: the case row (locked: steps on one case queue up), its tasks and their materials, one
		// row per material (or per task without any). Not the timeline: a step appends to it, never reads it.
		CaseRow[] row = new CaseRow[1];
		Map<Long, ItemTask.State> tasks = new LinkedHashMap<>();
		Map<Long, Map<String, Long>> materials = new LinkedHashMap<>();
		jdbc.sql(STEP_LOAD + (postgres ? " for update of c" : " for update")).param("task", taskId).query(rs -> {
			if (row[0] == null) {
				row[0] = caseRow(rs, "c_id");
			}
			long id = rs.getLong("id");
			if (!tasks.containsKey(id)) {
				tasks.put(id, taskState(rs, 0));
			}
			String material = rs.getString("m_code");
			if (material != null) {
				materials.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(material, rs.getLong("m_document"));
			}
		});
		if (row[0] == null) {
			return Optional.empty();
		}
		return Optional.of(assemble(row[0], List.copyOf(tasks.values()), materials, List.of()));
	}

	private static final String STEP_LOAD = """
			select c.id as c_id, c.receipt_number, c.applicant_account_id, c.applicant_name, c.applicant_type,
			    c.applicant_id_type, c.applicant_id_number, c.applicant_phone, c.matter_code, c.channel, c.submitted_at,
			    c.output_mappings, t.*, m.material_code as m_code, m.document_id as m_document
			from casework_case c
			join casework_task t on t.case_id = c.id
			left join casework_task_material m on m.task_id = t.id
			where c.id = (select case_id from casework_task where id = :task)
			order by t.position, m.material_code""";

	private Optional<Case> load(JdbcClient.StatementSpec caseQuery) {
		return load(caseQuery, true);
	}

	private Optional<Case> load(JdbcClient.StatementSpec caseQuery, boolean withTimeline) {
		Optional<CaseRow> row = caseQuery.query(this::caseRow).optional();
		return row.map(r -> {
			long id = r.id;
			List<ItemTask.State> tasks = jdbc.sql("select * from casework_task where case_id = :id order by position")
				.param("id", id)
				.query(this::taskState)
				.list();
			Map<Long, Map<String, Long>> materials = materials("t.case_id = :id", "id", id);
			List<TimelineEntry> timeline = !withTimeline ? List.of()
					: jdbc.sql("select * from casework_timeline where case_id = :id order by id")
						.param("id", id)
						.query(CaseRepository::timelineEntry)
						.list();
			return assemble(r, tasks, materials, timeline);
		});
	}

	/**
	 * Reads many cases in four statements (cases, tasks, materials, timelines), in the order of the
	 * ids given; ids that do not exist are left out. Lists and queues use it instead of one
	 * {@link #load} (four statements) per case.
	 */
	public List<Case> loadAll(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, CaseRow> rows = new java.util.HashMap<>();
		jdbc.sql("select * from casework_case where id in (:ids)")
			.param("ids", ids)
			.query(this::caseRow)
			.list()
			.forEach(r -> rows.put(r.id, r));
		Map<Long, List<ItemTask.State>> tasks = new java.util.HashMap<>();
		jdbc.sql("select * from casework_task where case_id in (:ids) order by case_id, position")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong("case_id"), taskState(rs, n)))
			.list()
			.forEach(e -> tasks.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<Long, Map<String, Long>> materials = materials("t.case_id in (:ids)", "ids", ids);
		Map<Long, List<TimelineEntry>> timelines = new java.util.HashMap<>();
		jdbc.sql("select * from casework_timeline where case_id in (:ids) order by case_id, id")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong("case_id"), timelineEntry(rs, n)))
			.list()
			.forEach(e -> timelines.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		List<Case> loaded = new ArrayList<>();
		for (Long id : ids) {
			CaseRow r = rows.get(id);
			if (r != null) {
				loaded.add(assemble(r, tasks.getOrDefault(id, List.of()), materials,
						timelines.getOrDefault(id, List.of())));
			}
		}
		return loaded;
	}

	private static Case assemble(CaseRow r, List<ItemTask.State> tasks, Map<Long, Map<String, Long>> materials,
			List<TimelineEntry> timeline) {
		List<ItemTask.State> withMaterials = tasks.stream()
			.map(t -> withMaterials(t, materials.getOrDefault(t.id(), Map.of())))
			.toList();
		return new Case(r.id, r.receipt, r.applicant, r.matterCode, r.channel, r.submittedAt, r.mappings,
				withMaterials, timeline);
	}

	/** A task's state as read from its row, with its materials, which are rows of their own. */
	private static ItemTask.State withMaterials(ItemTask.State t, Map<String, Long> materials) {
		return new ItemTask.State(t.id(), t.itemCode(), t.departmentCode(), t.dependsOn(), t.status(), t.formData(),
				materials, t.checkedMaterials(), t.deficiencies(), t.reason(), t.outputs(), t.delivery(), t.clock(),
				t.deadline(), t.deadlineProvisional(), t.version(), t.completeAt());
	}

	public Optional<Long> idByReceipt(String receiptNumber) {
		return jdbc.sql("select id from casework_case where receipt_number = :r")
			.param("r", receiptNumber)
			.query(Long.class)
			.optional();
	}

	/** A stored submission's receipt: its number and its case. */
	public record StoredReceipt(String receiptNumber, long caseId) {
	}

	public Optional<StoredReceipt> receiptByIdempotencyKey(long submittedBy, String key) {
		return jdbc.sql("select receipt_number, id from casework_case where submitted_by = :by and idempotency_key = :key")
			.param("by", submittedBy)
			.param("key", key)
			.query((rs, n) -> new StoredReceipt(rs.getString(1), rs.getLong(2)))
			.optional();
	}

	public Optional<String> receiptNumberOf(long caseId) {
		return jdbc.sql("select receipt_number from casework_case where id = :id").param("id", caseId).query(String.class).optional();
	}

	public Optional<Long> caseIdOfTask(long taskId) {
		return jdbc.sql("select case_id from casework_task where id = :id").param("id", taskId).query(Long.class).optional();
	}

	/** Ids of an applicant's cases, newest first. */
	public List<Long> idsOfApplicant(long accountId, int limit) {
		return jdbc.sql("""
				select id from casework_case where applicant_account_id = :a order by submitted_at desc, id desc
				fetch first :limit rows only""")
			.param("a", accountId)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Ids of cases whose receipt number or applicant name matches, or whose whole phone number or identity
	 * document number equals the query (both encrypted: found by their blind index).
	 */
	public List<Long> search(String query, int limit) {
		String q = query.strip();
		String like = "%" + q.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
		String phoneIndex = CaseworkPersonalData.PHONE.blindIndexOf(cipher, q);
		return jdbc.sql("""
				select id from casework_case
				where receipt_number = :q or lower(applicant_name) like :like
				   or applicant_phone_bidx = :phone or applicant_id_number_bidx = :id
				order by submitted_at desc, id desc fetch first :limit rows only""")
			.param("q", q.toUpperCase(java.util.Locale.ROOT))
			.param("like", like)
			.param("phone", phoneIndex == null ? "-" : phoneIndex)
			.param("id", CaseworkPersonalData.ID_NUMBER.blindIndexOf(cipher, q))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/** One task of a department's queue, with what a queue line shows of its case. */
	public record QueueTask(long caseId, String receiptNumber, String applicantName, Instant submittedAt, ItemTask task) {
	}

	/**
	 * A department's tasks in these statuses, oldest case first, at most {@code limit}: the tasks with their case's
	 * receipt number, applicant name and submission time in one statement, their materials in a second. A queue
	 * line needs no more of the case: not its timeline, its other departments' tasks or the applicant's encrypted
	 * identity number and phone, which reading whole cases would load and decrypt for every line.
	 */
	public List<QueueTask> departmentQueue(String departmentCode, Collection<TaskStatus> statuses, int limit) {
		record Line(long caseId, String receiptNumber, String applicantName, Instant submittedAt, ItemTask.State task) {
		}
		List<Line> lines = jdbc.sql("""
				select c.receipt_number c_receipt, c.applicant_name c_applicant, c.submitted_at c_submitted, t.*
				from casework_task t join casework_case c on c.id = t.case_id
				where t.department_code = :d and t.status in (:statuses)
				order by c.submitted_at, c.id, t.position fetch first :limit rows only""")
			.param("d", departmentCode)
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.param("limit", limit)
			.query((rs, n) -> new Line(rs.getLong("case_id"), rs.getString("c_receipt"), rs.getString("c_applicant"),
					instant(rs, "c_submitted"), taskState(rs, n)))
			.list();
		if (lines.isEmpty()) {
			return List.of();
		}
		Map<Long, Map<String, Long>> materials = materials("m.task_id in (:ids)", "ids",
				lines.stream().map(l -> l.task().id()).toList());
		return lines.stream()
			.map(l -> new QueueTask(l.caseId(), l.receiptNumber(), l.applicantName(), l.submittedAt(),
					new ItemTask(withMaterials(l.task(), materials.getOrDefault(l.task().id(), Map.of())))))
			.toList();
	}

	/**
	 * The materials of the tasks a condition picks ({@code m} the material row, {@code t} its task), by task and
	 * then by material code, in code order.
	 */
	private Map<Long, Map<String, Long>> materials(String condition, String parameter, Object value) {
		Map<Long, Map<String, Long>> materials = new java.util.HashMap<>();
		jdbc.sql("""
				select m.task_id, m.material_code, m.document_id from casework_task_material m
				join casework_task t on t.id = m.task_id where %s order by m.material_code""".formatted(condition))
			.param(parameter, value)
			.query(rs -> {
				materials.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
			});
		return materials;
	}

	/** Cases with a task in one of the statuses (the window's in-tray), oldest first. */
	public List<Long> idsWithTasksIn(Collection<TaskStatus> statuses, int limit) {
		return jdbc.sql("""
				select distinct c.id, c.submitted_at from casework_case c join casework_task t on t.case_id = c.id
				where t.status in (:statuses) order by c.submitted_at, c.id fetch first :limit rows only""")
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.param("limit", limit)
			.query((rs, n) -> rs.getLong(1))
			.list();
	}

	/** Whether any task of this department refers to the document. */
	public boolean departmentTaskUsesDocument(String departmentCode, long documentId) {
		return jdbc.sql("""
				select count(*) from casework_task_material m join casework_task t on t.id = m.task_id
				where m.document_id = :doc and t.department_code = :d""")
			.param("doc", documentId)
			.param("d", departmentCode)
			.query(Long.class)
			.single() > 0;
	}

	public boolean anyTaskUsesDocument(long documentId) {
		return jdbc.sql("select count(*) from casework_task_material where document_id = :doc")
			.param("doc", documentId)
			.query(Long.class)
			.single() > 0;
	}

	public long count() {
		return jdbc.sql("select count(*) from casework_case").query(Long.class).single();
	}

	// ------------------------------------------------------------------ mapping

	private record CaseRow(long id, String receipt, Applicant applicant, String matterCode, CaseChannel channel,
			Instant submittedAt, List<Matter.OutputMapping> mappings) {
	}

	private CaseRow caseRow(ResultSet rs, int n) throws SQLException {
		return caseRow(rs, "id");
	}

	private CaseRow caseRow(ResultSet rs, String idColumn) throws SQLException {
		long account = rs.getLong("applicant_account_id");
		Long accountId = rs.wasNull() ? null : account;
		Applicant applicant = new Applicant(accountId, rs.getString("applicant_name"),
				ApplicantType.valueOf(rs.getString("applicant_type")), rs.getString("applicant_id_type"),
				cipher.decrypt(rs.getString("applicant_id_number"), CaseworkPersonalData.ID_NUMBER.context()),
				cipher.decrypt(rs.getString("applicant_phone"), CaseworkPersonalData.PHONE.context()));
		List<Matter.OutputMapping> mappings = json.readValue(rs.getString("output_mappings"),
				new TypeReference<List<Matter.OutputMapping>>() {
				});
		return new CaseRow(rs.getLong(idColumn), rs.getString("receipt_number"), applicant, rs.getString("matter_code"),
				CaseChannel.valueOf(rs.getString("channel")), instant(rs, "submitted_at"), mappings);
	}

	private ItemTask.State taskState(ResultSet rs, int n) throws SQLException {
		String dependsOn = rs.getString("depends_on");
		String checked = rs.getString("checked_materials");
		String delivery = rs.getString("delivery");
		String completeAt = rs.getString("complete_at");
		TaskClock clock = clock(Jurisdiction.valueOf(rs.getString("jurisdiction")), rs.getInt("promised_days"),
				integer(rs, "due_soon_days"), rs.getObject("clock_started_on", LocalDate.class),
				rs.getString("clock_pauses"), rs.getObject("clock_paused_on", LocalDate.class), rs.getInt("paused_days"));
		return new ItemTask.State(rs.getLong("id"), rs.getString("item_code"), rs.getString("department_code"),
				dependsOn.isBlank() ? List.of() : Arrays.asList(dependsOn.split(",")),
				TaskStatus.valueOf(rs.getString("status")),
				PersonalData.decryptFields(cipher, CaseworkPersonalData.FORM_DATA, stringMap(rs.getString("form_data"))), Map.of(),
				checked.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(checked.split(","))),
				json.readValue(rs.getString("deficiencies"), new TypeReference<List<Deficiency>>() {
				}), rs.getString("reason"), stringMap(rs.getString("outputs")),
				delivery == null ? null : DeliveryMethod.valueOf(delivery), clock,
				rs.getObject("deadline", LocalDate.class), rs.getBoolean("deadline_provisional"), rs.getInt("version"),
				completeAt == null ? null : Channel.valueOf(completeAt));
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	/**
	 * A stored clock. Rows written before the pauses were kept (V12_1) hold only the count of working days
	 * paused: that count is restored as a pause right after the start (its end found by weekends only, so a
	 * holiday inside it may shift such an old deadline by a day); the next save stores real pauses.
	 */
	static TaskClock clock(Jurisdiction jurisdiction, int promised, Integer dueSoon, LocalDate started, String pauses,
			LocalDate legacyPausedOn, int legacyPausedDays) {
		if (started == null) {
			return TaskClock.notStarted(jurisdiction, promised, dueSoon);
		}
		int threshold = dueSoon == null ? WorkingDayClock.DEFAULT_DUE_SOON_WORKING_DAYS : dueSoon;
		if (pauses != null) {
			return TaskClock.of(WorkingDayClock.restore(jurisdiction, started, promised, WorkingDayClock.parsePauses(pauses),
					threshold));
		}
		List<WorkingDayClock.Pause> legacy = new ArrayList<>();
		LocalDate last = started;
		if (legacyPausedDays > 0) {
			last = WorkingCalendars.weekendsOnly().addWorkingDays(jurisdiction, started, legacyPausedDays).date();
			legacy.add(new WorkingDayClock.Pause(started, last));
		}
		if (legacyPausedOn != null) {
			legacy.add(new WorkingDayClock.Pause(legacyPausedOn.isBefore(last) ? last : legacyPausedOn, null));
		}
		return TaskClock.of(WorkingDayClock.restore(jurisdiction, started, promised, legacy, threshold));
	}

	private static TimelineEntry timelineEntry(ResultSet rs, int n) throws SQLException {
		long account = rs.getLong("actor_account_id");
		Long accountId = rs.wasNull() ? null : account;
		String from = rs.getString("from_status");
		String to = rs.getString("to_status");
		return new TimelineEntry(instant(rs, "at"), rs.getString("item_code"),
				from == null ? null : TaskStatus.valueOf(from), to == null ? null : TaskStatus.valueOf(to),
				rs.getString("action"), new Actor(accountId, rs.getString("actor_name"), rs.getString("actor_role"),
						rs.getString("actor_department")),
				CaseChannel.valueOf(rs.getString("channel")), rs.getString("reason"));
	}

	private Map<String, String> stringMap(String text) {
		return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {
		});
	}

	private MapSqlParameterSource taskParams(ItemTask.State s) {
		var p = new MapSqlParameterSource();
		p.addValue("status", s.status().name());
		p.addValue("formData", json.writeValueAsString(PersonalData.encryptFields(cipher, CaseworkPersonalData.FORM_DATA, s.formData())));
		p.addValue("checked", String.join(",", s.checkedMaterials().stream().sorted().toList()));
		p.addValue("deficiencies", json.writeValueAsString(s.deficiencies()));
		p.addValue("reason", s.reason());
		p.addValue("outputs", json.writeValueAsString(ordered(s.outputs())));
		p.addValue("delivery", s.delivery() == null ? null : s.delivery().name());
		p.addValue("jurisdiction", s.clock().jurisdiction().name());
		p.addValue("promised", s.clock().promisedDays());
		WorkingDayClock running = s.clock().running();
		p.addValue("started", running == null ? null : running.started());
		p.addValue("paused", running == null ? null : running.pausedSince());
		p.addValue("pausedDays", 0);
		p.addValue("pauses", running == null ? null : WorkingDayClock.formatPauses(running.pauses()));
		p.addValue("dueSoon", running == null ? s.clock().dueSoonWorkingDays() : Integer.valueOf(running.dueSoonWorkingDays()));
		p.addValue("deadline", s.deadline());
		p.addValue("provisional", s.deadlineProvisional());
		p.addValue("completeAt", s.completeAt() == null ? null : s.completeAt().name());
		return p;
	}

	private static Map<String, String> ordered(Map<String, String> map) {
		return new LinkedHashMap<>(map);
	}

	/** The materials of the tasks (by task id), in one batch. */
	private void insertMaterials(Map<Long, Map<String, Long>> byTask) {
		List<SqlParameterSource> rows = new ArrayList<>();
		byTask.forEach((taskId, materials) -> materials.forEach((code, doc) -> rows
			.add(new MapSqlParameterSource().addValue("t", taskId).addValue("c", code).addValue("d", doc))));
		if (!rows.isEmpty()) {
			named.batchUpdate("insert into casework_task_material (task_id, material_code, document_id) values (:t, :c, :d)",
					rows.toArray(SqlParameterSource[]::new));
		}
	}

	/** New timeline entries, in one batch. */
	private void insertTimeline(long caseId, List<TimelineEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		SqlParameterSource[] rows = new SqlParameterSource[entries.size()];
		for (int i = 0; i < rows.length; i++) {
			TimelineEntry e = entries.get(i);
			rows[i] = new MapSqlParameterSource().addValue("case", caseId)
				.addValue("at", ts(e.at()))
				.addValue("item", e.itemCode())
				.addValue("from", e.from() == null ? null : e.from().name())
				.addValue("to", e.to() == null ? null : e.to().name())
				.addValue("action", e.action())
				.addValue("account", e.actor().accountId())
				.addValue("name", e.actor().name())
				.addValue("role", e.actor().role())
				.addValue("department", e.actor().departmentCode())
				.addValue("channel", e.channel().name())
				.addValue("reason", e.reason());
		}
		named.batchUpdate("""
				insert into casework_timeline (case_id, at, item_code, from_status, to_status, action,
				    actor_account_id, actor_name, actor_role, actor_department, channel, reason)
				values (:case, :at, :item, :from, :to, :action, :account, :name, :role, :department, :channel, :reason)""",
				rows);
	}

}
