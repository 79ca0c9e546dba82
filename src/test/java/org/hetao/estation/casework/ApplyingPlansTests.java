package org.hetao.estation.casework;

import java.util.List;
import java.util.Optional;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.shared.ApplicantType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hetao.estation.casework.PlanFixtures.MATTER;
import static org.hetao.estation.casework.PlanFixtures.REGISTRATION;
import static org.hetao.estation.casework.PlanFixtures.TAX;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A plan is made once per item or matter, applicant type and channel, and made again when the catalogue hands out
 * new objects (a catalogue applied since); what is handed out cannot be changed by whoever holds it.
 */
class ApplyingPlansTests {

	final Catalog catalog = mock(Catalog.class);

	final Applying applying = new Applying(catalog, null, null, null, null, null, null, null);

	ApplyingPlansTests() {
		when(catalog.matter(MATTER.code())).thenReturn(Optional.of(MATTER));
		when(catalog.item(REGISTRATION.code())).thenReturn(Optional.of(REGISTRATION));
		when(catalog.item(TAX.code())).thenReturn(Optional.of(TAX));
	}

	@Test
	void theSameQuestionGetsTheSamePlanAndAnotherQuestionAnotherOne() {
		ApplicationPlan plan = applying.plan(null, MATTER.code(), ApplicantType.HK_ENTERPRISE);

		assertThat(applying.plan(null, MATTER.code(), ApplicantType.HK_ENTERPRISE)).isSameAs(plan);
		ApplicationPlan resident = applying.plan(null, MATTER.code(), ApplicantType.HK_RESIDENT);
		assertThat(resident).isNotSameAs(plan);
		assertThat(resident.materials()).extracting(ApplicationPlan.Material::code).doesNotContain("BR_CERTIFICATE");
		assertThat(applying.plan(null, MATTER.code(), ApplicantType.HK_ENTERPRISE, CaseChannel.WINDOW))
			.isNotSameAs(plan)
			.satisfies(p -> assertThat(p.channel()).isEqualTo(CaseChannel.WINDOW));
		ApplicationPlan item = applying.plan(TAX.code(), null, ApplicantType.HK_ENTERPRISE);
		assertThat(item.matter()).isNull();
		assertThat(applying.plan(TAX.code(), null, ApplicantType.HK_ENTERPRISE)).isSameAs(item);
	}

	@Test
	void aCatalogueAppliedSinceMakesANewPlanFromItsOwnObjects() {
		ApplicationPlan before = applying.plan(null, MATTER.code(), ApplicantType.HK_ENTERPRISE);
		assertThat(before.produced()).isEmpty();

		// the new catalogue's matter says its registration issues the bank letter
		Matter issuing = new Matter(MATTER.code(), MATTER.name(), MATTER.description(), MATTER.items(),
				MATTER.sharedFields(), MATTER.outputMappings(), List.of(new Matter.ProducedMaterial("MR-REG", "BANK_LETTER")),
				true);
		when(catalog.matter(MATTER.code())).thenReturn(Optional.of(issuing));
		ApplicationPlan after = applying.plan(null, MATTER.code(), ApplicantType.HK_ENTERPRISE);

		assertThat(after).isNotSameAs(before);
		assertThat(after.produced()).extracting(p -> p.requirement().code()).containsExactly("BANK_LETTER");
		// an item of the matter replaced on its own is noticed too
		when(catalog.item(TAX.code())).thenReturn(Optional.of(PlanFixtures.item(TAX.code(), TAX.departmentCode(),
				List.of(), TAX.fields(), TAX.outputs())));
		ApplicationPlan withNewItem = applying.plan(null, MATTER.code(), ApplicantType.HK_ENTERPRISE);
		assertThat(withNewItem).isNotSameAs(after);
		assertThat(withNewItem.produced()).isEmpty();
	}

	@Test
	void aPlanHandedOutCannotBeChanged() {
		ApplicationPlan plan = applying.plan(null, MATTER.code(), ApplicantType.HK_ENTERPRISE);

		assertThatThrownBy(() -> plan.items().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> plan.materials().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> plan.produced().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> plan.sharedFields().clear()).isInstanceOf(UnsupportedOperationException.class);
	}

}
