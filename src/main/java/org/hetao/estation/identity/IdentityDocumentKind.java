package org.hetao.estation.identity;

/** Identity and registration documents the platform checks. */
public enum IdentityDocumentKind {
	/** Hong Kong identity card number, e.g. A123456(3). */
	HKID,
	/** Mainland resident identity card number (GB 11643), 18 characters. */
	CN_RESIDENT_ID,
	/** Mainland Travel Permit for Hong Kong and Macao Residents (回鄉證): H or M and 8 digits. */
	MTP,
	/** Unified social credit code of a Mainland organisation (GB 32100), 18 characters. */
	USCC
}
