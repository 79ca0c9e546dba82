package org.hetao.estation.catalog;

/** The eight service domains (八大服務內容). */
public enum ServiceDomain {
	GOVERNMENT_AFFAIRS, CUSTOMS, PUBLIC_SECURITY, TRAFFIC_POLICE, FINANCE, LEGAL, ACCOUNTING, TAXATION
}
