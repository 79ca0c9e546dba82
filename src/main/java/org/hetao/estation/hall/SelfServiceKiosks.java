package org.hetao.estation.hall;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The hall's cross-border self-service kiosks (跨境通辦自助機): devices a hall manager registered as one. A request
 * from such a device applies through the {@code CROSS_BORDER_SELF_SERVICE} channel; no form field can claim it.
 */
public interface SelfServiceKiosks {

	/** The cookie a registered kiosk device carries (its token; only a hash of it is stored). */
	String COOKIE = "ESTATION_KIOSK";

	/** Whether the request comes from a registered, not revoked, cross-border self-service kiosk. */
	boolean isKiosk(HttpServletRequest request);

	/** Where the kiosks in service stand (the names the hall manager registered them under), for people to find one. */
	java.util.List<String> locations();

}
