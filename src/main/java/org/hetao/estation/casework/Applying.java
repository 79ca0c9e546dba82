package org.hetao.estation.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.casework.internal.CaseRepository;
import org.hetao.estation.casework.internal.Drafts;
import org.hetao.estation.casework.internal.ItemTask;
import org.hetao.estation.casework.internal.ReceiptNumbers;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.documents.DocumentInfo;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.IdentityDocumentKind;
import org.hetao.estation.identity.IdentityDocuments;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applying: drafts saved as the applicant goes, then one idempotent submission that stores the case, its
 * tasks and its receipt number in one transaction.
 */
@Service
public class Applying {

	/** What a submission answers; {@code repeated} when the idempotency key had already been used. */
	public record Receipt(String receiptNumber, long caseId, boolean repeated) {
	}

	/** A complete application in one request (the API). */
	public record Request(String itemCode, String matterCode, Map<String, String> answers,
			Map<String, Long> materials) {
	}

	private final Catalog catalog;

	private final Drafts drafts;

	private final CaseRepository cases;

	private final ReceiptNumbers receipts;

	private final Documents documents;

	private final ApplicationEventPublisher events;

	private final CaseworkClock time;

	private final TransactionTemplate tx;

	private final Map<PlanKey, Planned> plans = new ConcurrentHashMap<>();

	Applying(Catalog catalog, Drafts drafts, CaseRepository cases, ReceiptNumbers receipts, Documents documents,
			ApplicationEventPublisher events, CaseworkClock time, PlatformTransactionManager transactions) {
		this.catalog = catalog;
		this.drafts = drafts;
		this.cases = cases;
		this.receipts = receipts;
		this.documents = documents;
		this.events = events;
		this.time = time;
		this.tx = new TransactionTemplate(transactions);
	}

	/** What an application online for the item or the matter asks of an applicant of this type. */
	public ApplicationPlan plan(String itemCode, String matterCode, ApplicantType type) {
		return plan(itemCode, matterCode, type, CaseChannel.ONLINE);
	}

	/**
	 * What an application through {@code channel} for the item or the matter asks of an applicant of this type.
	 * An item not offered through the channel is refused ({@code casework.error.channelNotOffered}, 422); the
	 * items of a matter not offered there stay in the plan, marked to be completed in person where they are
	 * ({@link ApplicationPlan.ItemPart#completeAt()}).
	 */
	public ApplicationPlan plan(String itemCode, String matterCode, ApplicantType type, CaseChannel channel) {
		if (type == null) {
			throw Problem.invalid("casework.error.noApplicantType");
		}
		if (matterCode != null && !matterCode.isBlank()) {
			Matter matter = catalog.matter(matterCode)
				.filter(Matter::active)
				.orElseThrow(() -> Problem.notFound("casework.error.unknownMatter", matterCode));
			List<ServiceItem> items = matter.items()
				.stream()
				.map(i -> catalog.item(i.itemCode())
					.orElseThrow(() -> Problem.notFound("casework.error.unknownItem", i.itemCode())))
				.toList();
			return planned(new PlanKey(matterCode, true, type, channel), matter, items,
					() -> ApplicationPlan.forMatter(matter, items, type, channel));
		}
		if (itemCode == null || itemCode.isBlank()) {
			throw Problem.invalid("casework.error.itemOrMatter");
		}
		ServiceItem item = catalog.item(itemCode)
			.filter(ServiceItem::active)
			.orElseThrow(() -> Problem.notFound("casework.error.unknownItem", itemCode));
		if (!item.serves(type)) {
			throw Problem.invalid("casework.error.notForApplicantType");
		}
		if (!channel.offers(item)) {
			throw channelNotOffered(item);
		}
		return planned(new PlanKey(itemCode, false, type, channel), item, List.of(item),
				() -> ApplicationPlan.forItem(item, type, channel));
	}

	/** What a plan is asked for: an item's or a matter's code, for an applicant type, through a channel. */
	private record PlanKey(String code, boolean matter, ApplicantType type, CaseChannel channel) {
	}

	/** A plan and the catalogue's objects it was made from (a new catalogue hands out new ones). */
	private record Planned(Object source, List<ServiceItem> items, ApplicationPlan plan) {

		boolean madeFrom(Object source, List<ServiceItem> items) {
			if (this.source != source || this.items.size() != items.size()) {
				return false;
			}
			for (int i = 0; i < items.size(); i++) {
				if (this.items.get(i) != items.get(i)) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * The plan made before for the same key from the same catalogue objects, or a new one. Plans are immutable and
	 * a submission, a draft page and a check each ask for one: making it walks every field and material of the
	 * matter's items. The catalogue's snapshot is compared by identity, so a catalogue applied since (new objects)
	 * makes a new plan; there is at most one entry per item or matter, applicant type and channel.
	 */
	private ApplicationPlan planned(PlanKey key, Object source, List<ServiceItem> items,
			Supplier<ApplicationPlan> make) {
		Planned known = plans.get(key);
		if (known != null && known.madeFrom(source, items)) {
			return known.plan();
		}
		ApplicationPlan plan = make.get();
		plans.put(key, new Planned(source, items, plan));
		return plan;
	}

	/** The refusal of an item not offered through a channel: its code names the rule, its argument the item. */
	static Problem channelNotOffered(ServiceItem item) {
		return new Problem(Problem.Kind.UNPROCESSABLE, CHANNEL_NOT_OFFERED, item.code());
	}

	/** The problem code of an item applied for through a channel it is not offered through. */
	public static final String CHANNEL_NOT_OFFERED = "casework.error.channelNotOffered";

	public ApplicationPlan plan(Draft draft) {
		return plan(draft.itemCode(), draft.matterCode(), draft.applicantType(), draft.channel());
	}

	/** Starts a draft for the signed-in applicant online, or (clerk) for a walk-in applicant at the window. */
	public Draft start(EstationUser owner, String itemCode, String matterCode, ApplicantType type,
			Draft.WalkIn walkIn) {
		return start(owner, itemCode, matterCode, type, walkIn, walkIn == null ? CaseChannel.ONLINE : CaseChannel.WINDOW);
	}

	/**
	 * Starts a draft through {@code channel}: a walk-in applicant's only at the window (by a clerk), an applicant's
	 * own online or at a cross-border self-service kiosk (the caller has checked the request comes from one).
	 */
	public Draft start(EstationUser owner, String itemCode, String matterCode, ApplicantType type,
			Draft.WalkIn walkIn, CaseChannel channel) {
		if (walkIn != null) {
			if (!owner.hasRole(Role.CLERK) || channel != CaseChannel.WINDOW) {
				throw Problem.forbidden("error.forbidden");
			}
			checkWalkIn(walkIn);
		}
		else if (channel != CaseChannel.ONLINE && channel != CaseChannel.KIOSK) {
			throw Problem.forbidden("error.forbidden");
		}
		ApplicationPlan plan = plan(itemCode, matterCode, type, channel);
		return drafts.create(owner.id(), plan.matter() == null ? plan.items().get(0).item().code() : null,
				plan.matter() == null ? null : plan.matter().code(), type, walkIn, channel, time.clock().instant());
	}

	/** A draft of this user; 404 for anybody else's. */
	public Draft draft(EstationUser user, long id) {
		return drafts.find(id)
			.filter(d -> d.ownerAccountId() == user.id())
			.orElseThrow(() -> Problem.notFound("casework.error.draftNotFound"));
	}

	public List<Draft> openDrafts(EstationUser user) {
		return drafts.openDraftsOf(user.id());
	}

	/** Saves the answers given (only the plan's own keys); returns the draft as stored. */
	public Draft saveAnswers(EstationUser user, long draftId, Map<String, String> given) {
		Draft draft = openDraft(user, draftId);
		ApplicationPlan plan = plan(draft);
		Map<String, String> answers = new LinkedHashMap<>(draft.answers());
		for (String key : answerKeys(plan)) {
			if (given.containsKey(key)) {
				String v = given.get(key);
				if (v == null || v.isBlank()) {
					answers.remove(key);
				}
				else {
					answers.put(key, v.length() > 4000 ? v.substring(0, 4000) : v.strip());
				}
			}
		}
		drafts.update(draftId, answers, draft.materials(), time.clock().instant());
		return draft(user, draftId);
	}

	/** Attaches one of the user's documents as a material of the draft (to every item that needs it). */
	public Draft attach(EstationUser user, long draftId, String materialCode, long documentId) {
		Draft draft = openDraft(user, draftId);
		ApplicationPlan plan = plan(draft);
		if (plan.materials().stream().noneMatch(m -> m.code().equals(materialCode))) {
			throw Problem.invalid("casework.error.unknownMaterial");
		}
		DocumentInfo document = documents.ownDocument(user, documentId)
			.orElseThrow(() -> new Problem(Problem.Kind.INVALID, "casework.material.notYours",
					List.of(new Problem.FieldError(ApplicationPlan.materialKey(materialCode), "casework.material.notYours"))));
		Map<String, Long> materials = new LinkedHashMap<>(draft.materials());
		materials.put(materialCode, document.id());
		drafts.update(draftId, draft.answers(), materials, time.clock().instant());
		return draft(user, draftId);
	}

	public void discard(EstationUser user, long draftId) {
		Draft draft = openDraft(user, draftId);
		drafts.delete(draft.id());
	}

	/** Every problem of the draft, keyed as the form's fields. */
	public List<Problem.FieldError> check(Draft draft) {
		return plan(draft).check(draft.answers(), draft.materials(), draft.walkIn() == null);
	}

	/** Submits a draft from where it was started; submitting it again answers with the same receipt. */
	public Receipt submit(EstationUser user, long draftId) {
		return submit(user, draftId, draft(user, draftId).channel());
	}

	/**
	 * Submits a draft; submitting it again answers with the same receipt. {@code from} is where the request comes
	 * from: a draft started at a cross-border self-service kiosk is submitted there, and one started online is
	 * submitted online (an item offered only in person cannot be finished from home).
	 */
	public Receipt submit(EstationUser user, long draftId, CaseChannel from) {
		Draft draft = draft(user, draftId);
		if (draft.submitted()) {
			return receiptOf(draft.caseId(), true);
		}
		if (draft.channel() != from) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, CHANNEL_NOT_OFFERED, draft.code());
		}
		ApplicationPlan plan = plan(draft);
		Applicant applicant = draft.walkIn() == null
				? new Applicant(user.id(), user.displayName(), draft.applicantType(), null, null, null)
				: new Applicant(null, draft.walkIn().name(), draft.applicantType(), draft.walkIn().idDocumentType(),
						draft.walkIn().idDocumentNumber(), draft.walkIn().phone());
		CaseChannel channel = draft.channel();
		return submit(user, plan, applicant, draft.answers(), draft.materials(), draft.submissionKey(), channel,
				draft.walkIn() == null, draft.id());
	}

	/** Submits a complete application in one request (the API), idempotent by the key. */
	public Receipt submit(EstationUser user, Request request, String idempotencyKey) {
		return submit(user, request, idempotencyKey, CaseChannel.API);
	}

	/**
	 * Submits a complete application in one request, idempotent by the key: through the API, or ({@code KIOSK}) from a
	 * registered cross-border self-service kiosk, as the caller established.
	 */
	public Receipt submit(EstationUser user, Request request, String idempotencyKey, CaseChannel channel) {
		if (channel != CaseChannel.API && channel != CaseChannel.KIOSK) {
			throw new IllegalArgumentException("an application in one request comes through the API or a kiosk");
		}
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
			throw new Problem(Problem.Kind.INVALID, "casework.error.idempotencyKey",
					List.of(new Problem.FieldError("Idempotency-Key", "casework.error.idempotencyKey")));
		}
		if (!user.hasRole(Role.APPLICANT)) {
			throw Problem.forbidden("error.forbidden");
		}
		ApplicationPlan plan = plan(request.itemCode(), request.matterCode(), user.applicantType(), channel);
		Applicant applicant = new Applicant(user.id(), user.displayName(), user.applicantType(), null, null, null);
		return submit(user, plan, applicant, request.answers() == null ? Map.of() : request.answers(),
				request.materials() == null ? Map.of() : request.materials(), idempotencyKey, channel, true,
				null);
	}

	private Receipt submit(EstationUser user, ApplicationPlan plan, Applicant applicant, Map<String, String> answers,
			Map<String, Long> materials, String key, CaseChannel channel, boolean materialsRequired, Long draftId) {
		try {
			// One transaction on one connection: the repeat check, the material check and the writes. A repeat
			// of a key already stored is answered with its receipt; one racing this submission fails on the
			// unique (submitted_by, idempotency_key) constraint and is answered below. A TransactionTemplate, not
			// @Transactional (docs/CONVENTIONS.md, one transaction style): the conflicting insert's transaction must
			// have ended before the winner's receipt is read.
			return tx.execute(status -> {
				if (key != null && draftId == null) {
					Optional<Receipt> repeat = cases.receiptByIdempotencyKey(user.id(), key)
						.map(r -> new Receipt(r.receiptNumber(), r.caseId(), true));
					if (repeat.isPresent()) {
						return repeat.get();
					}
				}
				List<Problem.FieldError> errors = new ArrayList<>(plan.check(answers, materials, materialsRequired));
				java.util.Set<Long> own = documents.ownedAmong(user, materials.values());
				materials.forEach((code, doc) -> {
					if (plan.materials().stream().noneMatch(m -> m.code().equals(code))) {
						errors.add(new Problem.FieldError(ApplicationPlan.materialKey(code), "casework.error.unknownMaterial"));
					}
					else if (doc == null || !own.contains(doc)) {
						errors.add(new Problem.FieldError(ApplicationPlan.materialKey(code), "casework.material.notYours"));
					}
				});
				if (!errors.isEmpty()) {
					throw new Problem(Problem.Kind.INVALID, "casework.error.invalidApplication", errors);
				}
				Case.Step step = time.step(user, channel);
				String receipt = receipts.next(step.today());
				Case c = Case.submit(receipt, applicant, plan.matter() == null ? null : plan.matter().code(),
						plan.matter() == null ? List.of() : plan.matter().outputMappings(),
						plan.tasks(answers, materials), step);
				long id = cases.insert(c, user.id(), key);
				if (draftId != null) {
					drafts.markSubmitted(draftId, id);
				}
				events.publishEvent(new CaseSubmitted(id, receipt, applicant.accountId(),
						plan.matter() == null ? null : plan.matter().code(),
						c.tasks().stream().map(ItemTask::itemCode).toList(), channel, step.at()));
				return new Receipt(receipt, id, false);
			});
		}
		catch (DuplicateKeyException sameKeyAtTheSameTime) {
			return cases.receiptByIdempotencyKey(user.id(), key)
				.map(r -> new Receipt(r.receiptNumber(), r.caseId(), true))
				.orElseThrow(() -> sameKeyAtTheSameTime);
		}
	}

	private Receipt receiptOf(long caseId, boolean repeated) {
		return new Receipt(cases.receiptNumberOf(caseId).orElseThrow(), caseId, repeated);
	}

	private Draft openDraft(EstationUser user, long draftId) {
		Draft draft = draft(user, draftId);
		if (draft.submitted()) {
			throw Problem.conflict("casework.error.draftSubmitted");
		}
		return draft;
	}

	private static List<String> answerKeys(ApplicationPlan plan) {
		List<String> keys = new ArrayList<>();
		plan.sharedFields().forEach(f -> keys.add(ApplicationPlan.sharedKey(f.key())));
		plan.items().forEach(p -> p.ownFields().forEach(f -> keys.add(ApplicationPlan.itemKey(p.item().code(), f.key()))));
		return keys;
	}

	/** The walk-in applicant's name, identity document and phone, as the clerk must record them. */
	static void checkWalkIn(Draft.WalkIn walkIn) {
		List<Problem.FieldError> errors = new ArrayList<>();
		if (walkIn.name() == null || walkIn.name().isBlank()) {
			errors.add(new Problem.FieldError("walkInName", "casework.field.required"));
		}
		IdentityDocumentKind kind = null;
		try {
			kind = walkIn.idDocumentType() == null ? null : IdentityDocumentKind.valueOf(walkIn.idDocumentType());
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (kind == null) {
			errors.add(new Problem.FieldError("walkInIdType", "casework.field.required"));
		}
		else if (!IdentityDocuments.check(kind, walkIn.idDocumentNumber()).valid()) {
			errors.add(new Problem.FieldError("walkInIdNumber", "casework.field.idNumber"));
		}
		FieldRules.check(org.hetao.estation.catalog.FieldType.PHONE, true, null, List.of(), walkIn.phone())
			.ifPresent(e -> errors.add(new Problem.FieldError("walkInPhone", e)));
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.INVALID, "casework.error.invalidApplication", errors);
		}
	}

}
