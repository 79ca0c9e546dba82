package org.hetao.estation.shared;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which keys are personal data, decided by a plain scan, says what the pattern it replaced said: a key whose last
 * segment contains one of the words in any case (ASCII case, as the pattern had it).
 */
class PersonalKeysProperties {

	static final Pattern BEFORE = Pattern.compile(
			"(?i).*(phone|mobile|idnumber|identitynumber|documentnumber|passport|hkid|mtpnumber|email|address|birth).*");

	static boolean before(String key) {
		int dot = key.lastIndexOf('.');
		return BEFORE.matcher(dot < 0 ? key : key.substring(dot + 1)).matches();
	}

	@Property(tries = 3000)
	void theScanAnswersAsThePatternDid(@ForAll("keys") String key) {
		assertThat(PersonalData.isPersonalKey(key)).as(key).isEqualTo(before(key));
	}

	@Provide
	Arbitrary<String> keys() {
		Arbitrary<String> word = Arbitraries.of("phone", "Phone", "MOBILE", "idNumber", "IdentityNumber",
				"documentNumber", "passport", "HKID", "mtpNumber", "eMail", "email", "Address", "birth", "Birthday",
				"birt", "phon", "addres", "mtp", "id", "Number", "company", "name", "item", "GOV-004", "");
		Arbitrary<String> noise = Arbitraries.strings().withChars("abcdehilmnoprstuyABDEHIMNP.-_0 ").ofMaxLength(6);
		Arbitrary<String> part = Arbitraries.oneOf(word, noise);
		return Combinators.combine(part, part, part, Arbitraries.of("", ".", "item.", "shared."))
			.as((a, b, c, prefix) -> prefix + a + b + c);
	}

}
