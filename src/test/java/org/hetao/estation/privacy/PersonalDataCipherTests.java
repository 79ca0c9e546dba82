package org.hetao.estation.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hetao.estation.shared.PersonalData;
import org.hetao.estation.shared.PersonalDataCipher;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTests {

	static final SecureRandom random = new SecureRandom();

	static byte[] key() {
		byte[] k = new byte[32];
		random.nextBytes(k);
		return k;
	}

	final byte[] k1 = key();

	final byte[] k2 = key();

	final byte[] blind = key();

	AesGcmPersonalDataCipher cipher(String active, Object... idsAndKeys) {
		Map<String, byte[]> keys = new LinkedHashMap<>();
		for (int i = 0; i < idsAndKeys.length; i += 2) {
			keys.put((String) idsAndKeys[i], (byte[]) idsAndKeys[i + 1]);
		}
		return new AesGcmPersonalDataCipher(keys, active, blind);
	}

	@Test
	void aValueRoundTripsAndTheStoredFormNamesTheKeyButNotTheValue() {
		var cipher = cipher("k1", "k1", k1);
		String stored = cipher.encrypt("A123456(3)", "casework_case.applicant_id_number");
		assertThat(stored).startsWith("v1:k1:").doesNotContain("A123456");
		byte[] sealed = Base64.getDecoder().decode(stored.substring("v1:k1:".length()));
		assertThat(sealed).hasSize(12 + "A123456(3)".length() + 16);
		assertThat(cipher.decrypt(stored, "casework_case.applicant_id_number")).isEqualTo("A123456(3)");
		assertThat(cipher.encrypt("A123456(3)", "casework_case.applicant_id_number")).as("random nonce per value")
			.isNotEqualTo(stored);
		assertThat(cipher.encrypt(null, "x")).isNull();
		assertThat(cipher.decrypt(null, "x")).isNull();
		assertThat(cipher.encrypt("香港九龍彌敦道 1 號", "t.c")).satisfies(s -> assertThat(cipher.decrypt(s, "t.c")).isEqualTo("香港九龍彌敦道 1 號"));
	}

	@Test
	void aTamperedValueFailsAndSaysNothingOfTheValue() {
		var cipher = cipher("k1", "k1", k1);
		String stored = cipher.encrypt("+852 9123 4567", "account.phone");
		byte[] sealed = Base64.getDecoder().decode(stored.substring("v1:k1:".length()));
		sealed[sealed.length - 20] ^= 1;
		String tampered = "v1:k1:" + Base64.getEncoder().encodeToString(sealed);
		assertThatThrownBy(() -> cipher.decrypt(tampered, "account.phone"))
			.isInstanceOf(PersonalDataCipher.DecryptionFailed.class)
			.hasMessageNotContaining("9123");
		assertThatThrownBy(() -> cipher.decrypt("v1:k1:not-base64!", "account.phone"))
			.isInstanceOf(PersonalDataCipher.DecryptionFailed.class);
		assertThatThrownBy(() -> cipher.decrypt("v1:k1:AAAA", "account.phone"))
			.isInstanceOf(PersonalDataCipher.DecryptionFailed.class);
	}

	@Test
	void aValueMovedToAnotherColumnDoesNotDecrypt() {
		var cipher = cipher("k1", "k1", k1);
		String stored = cipher.encrypt("A123456(3)", "casework_case.applicant_id_number");
		assertThatThrownBy(() -> cipher.decrypt(stored, "casework_case.applicant_phone"))
			.isInstanceOf(PersonalDataCipher.DecryptionFailed.class);
		assertThatThrownBy(() -> cipher.decrypt(stored, "account.phone"))
			.isInstanceOf(PersonalDataCipher.DecryptionFailed.class);
	}

	@Test
	void rotationDecryptsWithAnyConfiguredKeyAndEncryptsWithTheActiveOne() {
		var old = cipher("k1", "k1", k1);
		var rotated = cipher("k2", "k1", k1, "k2", k2);
		String before = old.encrypt("A123456(3)", "c");
		assertThat(rotated.isCurrent(before)).isFalse();
		assertThat(rotated.decrypt(before, "c")).isEqualTo("A123456(3)");
		String after = rotated.encrypt(rotated.decrypt(before, "c"), "c");
		assertThat(after).startsWith("v1:k2:");
		assertThat(rotated.isCurrent(after)).isTrue();
		var onlyNew = cipher("k2", "k2", k2);
		assertThat(onlyNew.decrypt(after, "c")).as("the old key can go once everything is rotated").isEqualTo("A123456(3)");
		assertThat(rotated.blindIndex("A1234563", "c")).as("blind indexes survive a rotation")
			.isEqualTo(old.blindIndex("A1234563", "c"));
	}

	@Test
	void anUnknownKeyIdFails() {
		var other = cipher("k9", "k9", key());
		var cipher = cipher("k1", "k1", k1);
		String stored = other.encrypt("secret", "c");
		assertThatThrownBy(() -> cipher.decrypt(stored, "c")).isInstanceOf(PersonalDataCipher.DecryptionFailed.class)
			.hasMessageContaining("unknown key id 'k9'");
		// Same id, different key material: the tag does not verify.
		var impostor = cipher("k1", "k1", key());
		assertThatThrownBy(() -> cipher.decrypt(impostor.encrypt("secret", "c"), "c"))
			.isInstanceOf(PersonalDataCipher.DecryptionFailed.class);
	}

	@Test
	void legacyPlaintextIsReadAsItIs() {
		var cipher = cipher("k1", "k1", k1);
		assertThat(cipher.decrypt("+852 9123 4567", "account.phone")).isEqualTo("+852 9123 4567");
		assertThat(cipher.isCurrent("+852 9123 4567")).isFalse();
		byte[] pdf = "%PDF-1.4 plain".getBytes(StandardCharsets.US_ASCII);
		assertThat(cipher.decryptBytes(pdf, "document:a")).isEqualTo(pdf);
	}

	@Test
	void filesRoundTripAndAreBoundToTheirStorageKey() {
		var cipher = cipher("k1", "k1", k1);
		byte[] pdf = "%PDF-1.4 A123456(3)".getBytes(StandardCharsets.US_ASCII);
		byte[] stored = cipher.encryptBytes(pdf, "document:ab/cd/1.pdf");
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).startsWith("ESTENC1").doesNotContain("A123456");
		assertThat(cipher.isCurrent(stored)).isTrue();
		assertThat(cipher.decryptBytes(stored, "document:ab/cd/1.pdf")).isEqualTo(pdf);
		assertThatThrownBy(() -> cipher.decryptBytes(stored, "document:ab/cd/2.pdf"))
			.isInstanceOf(PersonalDataCipher.DecryptionFailed.class);
		stored[stored.length - 1] ^= 1;
		assertThatThrownBy(() -> cipher.decryptBytes(stored, "document:ab/cd/1.pdf"))
			.isInstanceOf(PersonalDataCipher.DecryptionFailed.class);
	}

	@Test
	void blindIndexesMatchNormalisedValuesPerColumn() {
		var cipher = cipher("k1", "k1", k1);
		String a = cipher.blindIndex(PersonalDataCipher.normaliseIdentifier("a123456(3)"), "c");
		assertThat(a).hasSize(64).isEqualTo(cipher.blindIndex(PersonalDataCipher.normaliseIdentifier("A 123456 3"), "c"));
		assertThat(cipher.blindIndex(PersonalDataCipher.normaliseIdentifier("A123456(3)"), "other")).isNotEqualTo(a);
		assertThat(PersonalDataCipher.normalisePhone("+852 9123-4567")).isEqualTo("85291234567");
	}

	@Test
	void badConfigurationIsRefusedClearly() {
		assertThatThrownBy(() -> cipher("k2", "k1", k1)).hasMessageContaining("active key 'k2'");
		assertThatThrownBy(() -> cipher("k1", "k1", new byte[16])).hasMessageContaining("32 bytes");
		assertThatThrownBy(() -> new AesGcmPersonalDataCipher(Map.of(), "k1", blind)).hasMessageContaining("no encryption key");
		assertThatThrownBy(() -> cipher("bad:id", "bad:id", k1)).hasMessageContaining("key id");
	}

	@Test
	void personalKeysAreRecognisedByTheirLastSegment() {
		assertThat(PersonalData.isPersonalKey("shared.contactPhone")).isTrue();
		assertThat(PersonalData.isPersonalKey("legalRepIdNumber")).isTrue();
		assertThat(PersonalData.isPersonalKey("item.GOV-001.residentialAddress")).isTrue();
		assertThat(PersonalData.isPersonalKey("mtpNumber")).isTrue();
		assertThat(PersonalData.isPersonalKey("companyName")).isFalse();
		assertThat(PersonalData.isPersonalKey("item.TAX-001.taxpayerType")).isFalse();
	}

	/**
	 * Each thread re-uses one cipher for every value (re-initialised each time): a failed decryption, a value sealed
	 * under another key, an encryption and a blind index in any order on one thread, and many threads at once, all
	 * still give the right values, and no two values share a nonce.
	 */
	@Test
	void aThreadsReusedCipherStaysRightWhateverCameBefore() throws Exception {
		var cipher = cipher("k2", "k1", k1, "k2", k2);
		var old = cipher("k1", "k1", k1);
		String underK1 = old.encrypt("舊鑰匙", "t.c");
		String tampered = underK1.substring(0, underK1.length() - 4) + (underK1.endsWith("AAAA") ? "BBBB" : "AAAA");
		int threads = 4;
		int perThread = 500;
		var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		try {
			java.util.List<java.util.concurrent.Future<java.util.List<String>>> results = new java.util.ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				results.add(pool.submit(() -> {
					java.util.List<String> sealed = new java.util.ArrayList<>();
					for (int i = 0; i < perThread; i++) {
						String value = "+852 9" + thread + String.format("%06d", i);
						String stored = cipher.encrypt(value, "account.phone");
						assertThatThrownBy(() -> cipher.decrypt(tampered, "t.c")).isInstanceOf(PersonalDataCipher.DecryptionFailed.class);
						assertThat(cipher.decrypt(underK1, "t.c")).isEqualTo("舊鑰匙");
						assertThat(cipher.blindIndex(value, "account.phone")).isEqualTo(old.blindIndex(value, "account.phone"));
						assertThat(cipher.decrypt(stored, "account.phone")).isEqualTo(value);
						sealed.add(stored);
					}
					return sealed;
				}));
			}
			java.util.Set<String> nonces = new java.util.HashSet<>();
			for (var r : results) {
				for (String stored : r.get()) {
					byte[] bytes = Base64.getDecoder().decode(stored.substring("v1:k2:".length()));
					nonces.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, 12)));
				}
			}
			assertThat(nonces).hasSize(threads * perThread);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
