package org.hetao.estation.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.hetao.estation.casework.Applicant;
import org.hetao.estation.shared.ApplicantType;
import org.junit.jupiter.api.Test;

/** What a department sees of the applicant: masked identity number and phone unless its connection needs them. */
class TaskHandOverTests {

	final Applicant walkIn = new Applicant(null, "陳大文", ApplicantType.HK_RESIDENT, "HKID", "A1234563", "+852 9123 4567");

	@Test
	void identityNumberAndPhoneAreMaskedByDefault() {
		var seen = TaskHandOver.applicant(walkIn, false);
		assertThat(seen).containsEntry("name", "陳大文").containsEntry("type", "HK_RESIDENT")
			.containsEntry("idDocumentType", "HKID");
		assertThat((String) seen.get("idDocumentNumber")).isEqualTo("A*****63");
		assertThat((String) seen.get("phone")).endsWith("4567").doesNotContain("9123");
	}

	@Test
	void aConnectionThatNeedsThemGetsThemWhole() {
		var seen = TaskHandOver.applicant(walkIn, true);
		assertThat(seen).containsEntry("idDocumentNumber", "A1234563").containsEntry("phone", "+852 9123 4567");
	}

}
