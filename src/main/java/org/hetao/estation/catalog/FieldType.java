package org.hetao.estation.catalog;

/** The input type of a form field. */
public enum FieldType {
	TEXT, TEXTAREA, NUMBER, DATE, EMAIL, PHONE, SELECT, BOOLEAN,
	/** An identity document number: HKID, Mainland resident ID, Mainland Travel Permit, passport. */
	ID_NUMBER,
	/** A unified social credit code (統一社會信用代碼, GB 32100). */
	CREDIT_CODE
}
