package org.hetao.estation.park.internal;

import java.util.Arrays;

/** A business plan must really be a PDF (by its content, not its name) and not too large. */
public final class BusinessPlanCheck {

	public static final long MAX_BYTES = 10L * 1024 * 1024;

	private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };

	public enum Verdict {
		OK, EMPTY, TOO_LARGE, NOT_PDF
	}

	private BusinessPlanCheck() {
	}

	/** @param head the first bytes of the file (at least 5 when the file has them) */
	public static Verdict check(long size, byte[] head) {
		if (size <= 0) {
			return Verdict.EMPTY;
		}
		if (size > MAX_BYTES) {
			return Verdict.TOO_LARGE;
		}
		if (head == null || head.length < PDF_MAGIC.length
				|| !Arrays.equals(Arrays.copyOf(head, PDF_MAGIC.length), PDF_MAGIC)) {
			return Verdict.NOT_PDF;
		}
		return Verdict.OK;
	}

}
