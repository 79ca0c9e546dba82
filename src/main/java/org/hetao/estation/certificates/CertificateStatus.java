package org.hetao.estation.certificates;

/** What a verification found. */
public enum CertificateStatus {
	/** Issued by the platform, unchanged, not revoked. */
	VALID,
	/** Issued by the platform and revoked by its department since. */
	REVOKED,
	/** No certificate has this number. */
	UNKNOWN,
	/** The file is not a certificate the platform issued as it is: changed, or signed by someone else. */
	ALTERED
}
