package org.hetao.estation.directory;

/** Where an organisation's founders and team come from: the map is for Hong Kong people first. */
public enum Background {

	HONG_KONG, MACAO, MAINLAND, OVERSEAS;

	public String messageKey() {
		return "directory.background." + name();
	}

}
