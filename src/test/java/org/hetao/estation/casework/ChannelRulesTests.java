package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hetao.estation.casework.PlanFixtures.MATTER;
import static org.hetao.estation.casework.PlanFixtures.REGISTRATION;
import static org.hetao.estation.casework.PlanFixtures.TAX;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hetao.estation.catalog.Channel;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.shared.ApplicantType;
import org.junit.jupiter.api.Test;

/** The channel and one-time-correction rules in plain Java (#19). */
class ChannelRulesTests {

	static ServiceItem offeredAt(ServiceItem i, Channel... channels) {
		return new ServiceItem(i.code(), i.name(), i.description(), i.departmentCode(), i.domain(), i.theme(), i.kind(),
				i.applicantTypes(), i.materials(), i.fields(), i.outputs(), i.legalLimitDays(), i.promisedLimitDays(),
				i.jurisdiction(), i.fee(), i.feeNote(), Set.of(channels), i.legalBasis(), i.appointmentRequired(),
				i.ticketCategory(), i.active());
	}

	@Test
	void eachWayOfApplyingUsesItsCatalogueChannel() {
		ServiceItem windowOnly = offeredAt(REGISTRATION, Channel.WINDOW);
		assertThat(CaseChannel.ONLINE.offers(windowOnly)).isFalse();
		assertThat(CaseChannel.API.offers(windowOnly)).isFalse();
		assertThat(CaseChannel.KIOSK.offers(windowOnly)).isFalse();
		assertThat(CaseChannel.WINDOW.offers(windowOnly)).isTrue();
		ServiceItem kioskOnly = offeredAt(REGISTRATION, Channel.CROSS_BORDER_SELF_SERVICE);
		assertThat(CaseChannel.KIOSK.offers(kioskOnly)).isTrue();
		assertThat(CaseChannel.WINDOW.offers(kioskOnly)).isFalse();
	}

	@Test
	void aMattersItemsNotOfferedWhereItIsAppliedForAreMarkedWhereToCompleteThem() {
		ServiceItem kioskOnly = offeredAt(REGISTRATION, Channel.CROSS_BORDER_SELF_SERVICE);
		ServiceItem windowAndKiosk = offeredAt(TAX, Channel.WINDOW, Channel.CROSS_BORDER_SELF_SERVICE);
		ApplicationPlan online = ApplicationPlan.forMatter(MATTER, List.of(kioskOnly, windowAndKiosk),
				ApplicantType.HK_ENTERPRISE, CaseChannel.ONLINE);
		assertThat(online.items()).extracting(ApplicationPlan.ItemPart::completeAt)
			.containsExactly(Channel.CROSS_BORDER_SELF_SERVICE, Channel.WINDOW);
		assertThat(online.completedElsewhere()).hasSize(2);
		// the tasks carry the mark, answers and materials given once as for any item
		assertThat(online.tasks(Map.of(), Map.of())).extracting(t -> t.completeAt())
			.containsExactly(Channel.CROSS_BORDER_SELF_SERVICE, Channel.WINDOW);

		ApplicationPlan atKiosk = ApplicationPlan.forMatter(MATTER, List.of(kioskOnly, windowAndKiosk),
				ApplicantType.HK_ENTERPRISE, CaseChannel.KIOSK);
		assertThat(atKiosk.completedElsewhere()).isEmpty();
		assertThat(atKiosk.items()).allMatch(ApplicationPlan.ItemPart::offered);
	}

	static org.hetao.estation.casework.internal.Case caseMarked(Channel completeAt) {
		var task = new org.hetao.estation.casework.internal.ItemTask.State(1L, "MR-REG", "market-regulation", List.of(),
				TaskStatus.SUBMITTED, Map.of(), Map.of(), Set.of(), List.of(), null, Map.of(), null,
				TaskClock.notStarted(org.hetao.estation.shared.Jurisdiction.CN, 5, null), null, false, 0, completeAt);
		return new org.hetao.estation.casework.internal.Case(10L, "HT20261125-000001", CaseTests.APPLICANT, "HK-STARTUP-SETTLE",
				CaseChannel.ONLINE, Instant.EPOCH, List.of(), List.of(task), List.of());
	}

	static org.hetao.estation.casework.internal.Case.Step at(CaseChannel channel, Actor actor) {
		return new org.hetao.estation.casework.internal.Case.Step(actor, channel, Instant.EPOCH, CaseTests.WEDNESDAY,
				CaseTests.CALENDARS);
	}

	@Test
	void theWindowsAcceptanceOrTheApplicantWhereItIsOfferedCompletesAMarkedItem() {
		var atWindow = caseMarked(Channel.WINDOW);
		atWindow.accept(1, Set.of(Channel.WINDOW), at(CaseChannel.WINDOW, Actor.clerk(2, "clerk")));
		assertThat(atWindow.task(1).completeAt()).isNull();
		assertThat(atWindow.task(1).status()).isEqualTo(TaskStatus.ACCEPTED);

		var atKiosk = caseMarked(Channel.CROSS_BORDER_SELF_SERVICE);
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> atKiosk.completeInPerson(1, Set.of(Channel.CROSS_BORDER_SELF_SERVICE), at(CaseChannel.ONLINE, Actor.applicant(7L, "Chan"))))
			.isInstanceOfSatisfying(org.hetao.estation.shared.Problem.class,
					p -> assertThat(p.messageKey()).isEqualTo("casework.error.channelNotOffered"));
		atKiosk.completeInPerson(1, Set.of(Channel.CROSS_BORDER_SELF_SERVICE), at(CaseChannel.KIOSK, Actor.applicant(7L, "Chan")));
		assertThat(atKiosk.task(1).completeAt()).isNull();
		assertThat(atKiosk.timeline()).anyMatch(e -> e.action().equals("COMPLETE_IN_PERSON") && e.channel() == CaseChannel.KIOSK);

		var nothingToComplete = caseMarked(null);
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> nothingToComplete.completeInPerson(1, Set.of(Channel.CROSS_BORDER_SELF_SERVICE), at(CaseChannel.KIOSK, Actor.applicant(7L, "Chan"))))
			.isInstanceOf(org.hetao.estation.shared.Problem.class);
	}

	@Test
	void theWindowCannotAcceptAnItemMarkedForAKioskThatNoWindowOffers() {
		var kioskOnly = caseMarked(Channel.CROSS_BORDER_SELF_SERVICE);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> kioskOnly.accept(1,
				Set.of(Channel.CROSS_BORDER_SELF_SERVICE, Channel.ONLINE), at(CaseChannel.WINDOW, Actor.clerk(2, "clerk"))))
			.isInstanceOfSatisfying(org.hetao.estation.shared.Problem.class, p -> {
				assertThat(p.messageKey()).isEqualTo("casework.error.completeElsewhereFirst");
				assertThat(p.kind()).isEqualTo(org.hetao.estation.shared.Problem.Kind.UNPROCESSABLE);
			});
		assertThat(kioskOnly.task(1).status()).isEqualTo(TaskStatus.SUBMITTED);
		assertThat(kioskOnly.task(1).completeAt()).isEqualTo(Channel.CROSS_BORDER_SELF_SERVICE);
		assertThat(kioskOnly.events()).isEmpty();

		// completed where it is offered (here: online, from the applicant's own account), the window then accepts it
		kioskOnly.completeInPerson(1, Set.of(Channel.CROSS_BORDER_SELF_SERVICE, Channel.ONLINE),
				at(CaseChannel.ONLINE, Actor.applicant(7L, "Chan")));
		kioskOnly.accept(1, Set.of(Channel.CROSS_BORDER_SELF_SERVICE, Channel.ONLINE), at(CaseChannel.WINDOW, Actor.clerk(2, "clerk")));
		assertThat(kioskOnly.task(1).status()).isEqualTo(TaskStatus.ACCEPTED);
	}

	@Test
	void aLaterNoticeMayNameOnlyWhatTheAnswerChanged() {
		CorrectionNotice answered = new CorrectionNotice(1, 7, "MR-REG", 1,
				List.of(Deficiency.material("LEASE"), Deficiency.field("capital")), null, Instant.EPOCH, "clerk", "CLERK",
				Instant.EPOCH.plusSeconds(60), Set.of("LEASE"), Set.of("companyName"));
		assertThat(answered.allowsAgain(Deficiency.material("LEASE"))).isTrue();
		assertThat(answered.allowsAgain(Deficiency.field("companyName"))).isTrue();
		// asked before but not changed, never asked, a free-text point
		assertThat(answered.allowsAgain(Deficiency.field("capital"))).isFalse();
		assertThat(answered.allowsAgain(Deficiency.material("HKID_COPY"))).isFalse();
		assertThat(answered.allowsAgain(Deficiency.note("Also bring the original"))).isFalse();
		assertThat(answered.allowsAgain(new Deficiency("LEASE", "The new one is unsigned"))).isTrue();
	}

}
