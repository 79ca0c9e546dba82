package org.hetao.estation.search;

/** What a search hit is. */
public enum SearchType {
	ITEM, MATTER, POLICY, ORGANISATION
}
