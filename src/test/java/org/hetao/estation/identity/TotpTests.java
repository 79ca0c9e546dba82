package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

	static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/** RFC 4226 Appendix D: HOTP values for counters 0..9 with the secret "12345678901234567890". */
	@ParameterizedTest
	@CsvSource({ "0,755224", "1,287082", "2,359152", "3,969429", "4,338314", "5,254676", "6,287922", "7,162583",
			"8,399871", "9,520489" })
	void hotpMatchesRfc4226Vectors(long counter, String expected) {
		assertThat(Totp.hotp(RFC_KEY, counter, 6)).isEqualTo(expected);
	}

	/** RFC 6238 Appendix B, SHA-1 rows (8 digits in the RFC; the product uses 6). */
	@ParameterizedTest
	@CsvSource({ "59,1,94287082", "1111111109,37037036,07081804", "1111111111,37037037,14050471",
			"1234567890,41152263,89005924", "2000000000,66666666,69279037", "20000000000,666666666,65353130" })
	void totpMatchesRfc6238Vectors(long unixTime, long step, String expected) {
		Instant time = Instant.ofEpochSecond(unixTime);
		assertThat(Totp.step(time)).isEqualTo(step);
		assertThat(Totp.hotp(RFC_KEY, Totp.step(time), 8)).isEqualTo(expected);
		// the 6-digit code is the last six digits of the same truncation
		String base32 = Totp.encodeBase32(RFC_KEY);
		assertThat(Totp.code(base32, time)).isEqualTo(expected.substring(2));
	}

	@Test
	void base32RoundTripsAndMatchesRfc4648() {
		assertThat(Totp.encodeBase32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(new String(Totp.decodeBase32("mzxw6ytboi======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
		assertThat(Totp.encodeBase32(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		String secret = Totp.newSecret(new SecureRandom());
		assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
		assertThat(Totp.decodeBase32(secret)).hasSize(20);
		assertThatThrownBy(() -> Totp.decodeBase32("ABC1")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void acceptsOneStepOfSkewEitherWayButNotTwo() {
		String secret = Totp.encodeBase32(RFC_KEY);
		Instant now = Instant.ofEpochSecond(1_111_111_111L);
		long step = Totp.step(now);
		String current = Totp.hotp(RFC_KEY, step, 6);
		String previous = Totp.hotp(RFC_KEY, step - 1, 6);
		String next = Totp.hotp(RFC_KEY, step + 1, 6);
		String twoAgo = Totp.hotp(RFC_KEY, step - 2, 6);
		String twoAhead = Totp.hotp(RFC_KEY, step + 2, 6);
		assertThat(Totp.verify(secret, current, now, Long.MIN_VALUE)).hasValue(step);
		assertThat(Totp.verify(secret, previous, now, Long.MIN_VALUE)).hasValue(step - 1);
		assertThat(Totp.verify(secret, next, now, Long.MIN_VALUE)).hasValue(step + 1);
		assertThat(Totp.verify(secret, twoAgo, now, Long.MIN_VALUE)).isEmpty();
		assertThat(Totp.verify(secret, twoAhead, now, Long.MIN_VALUE)).isEmpty();
		assertThat(Totp.verify(secret, "12345", now, Long.MIN_VALUE)).isEmpty();
		assertThat(Totp.verify(secret, "abcdef", now, Long.MIN_VALUE)).isEmpty();
		assertThat(Totp.verify(secret, null, now, Long.MIN_VALUE)).isEmpty();
		assertThat(Totp.verify(secret, current.substring(0, 3) + " " + current.substring(3), now, Long.MIN_VALUE))
			.hasValue(step);
	}

	@Test
	void aUsedCodeCannotBeReplayedWithinItsWindow() {
		String secret = Totp.encodeBase32(RFC_KEY);
		Instant now = Instant.ofEpochSecond(2_000_000_000L);
		String code = Totp.code(secret, now);
		OptionalLong first = Totp.verify(secret, code, now, Long.MIN_VALUE);
		assertThat(first).isPresent();
		long used = first.getAsLong();
		// the same code, again now and 29 s later (still inside the skew window): refused
		assertThat(Totp.verify(secret, code, now, used)).isEmpty();
		assertThat(Totp.verify(secret, code, now.plusSeconds(29), used)).isEmpty();
		// an older code still inside the window is refused too: steps only move forward
		assertThat(Totp.verify(secret, Totp.code(secret, now.minusSeconds(30)), now, used)).isEmpty();
		// the next step's code is accepted
		Instant later = now.plusSeconds(30);
		assertThat(Totp.verify(secret, Totp.code(secret, later), later, used)).hasValue(used + 1);
	}

	@Test
	void uriFollowsTheKeyUriFormat() {
		assertThat(Totp.uri("河套e站通", "clerk", "JBSWY3DPEHPK3PXP")).startsWith("otpauth://totp/")
			.contains(":clerk?secret=JBSWY3DPEHPK3PXP&issuer=")
			.contains("digits=6&period=30")
			.doesNotContain(" ");
	}

}
