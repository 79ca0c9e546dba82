package org.hetao.estation.casework;

import org.hetao.estation.shared.ApplicantType;

/**
 * Who a case is for. An applicant with an account has {@code accountId}; a walk-in applicant served at
 * the window has none, and the clerk records their identity document and phone.
 *
 * @param idDocumentType e.g. HKID, MTP, RESIDENT_ID, PASSPORT, BR; may be null for an account holder
 */
public record Applicant(Long accountId, String name, ApplicantType type, String idDocumentType,
		String idDocumentNumber, String phone) {

	public boolean walkIn() {
		return accountId == null;
	}

	/** The identity document number with all but the first and last two characters hidden. */
	public String maskedIdNumber() {
		if (idDocumentNumber == null || idDocumentNumber.length() < 5) {
			return idDocumentNumber == null ? null : "****";
		}
		return idDocumentNumber.charAt(0) + "*".repeat(idDocumentNumber.length() - 3)
				+ idDocumentNumber.substring(idDocumentNumber.length() - 2);
	}

	public String maskedPhone() {
		if (phone == null || phone.length() < 5) {
			return phone;
		}
		return phone.substring(0, phone.length() - 4).replaceAll("\\d", "*") + phone.substring(phone.length() - 4);
	}

}
