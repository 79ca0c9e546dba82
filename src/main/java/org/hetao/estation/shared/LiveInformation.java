package org.hetao.estation.shared;

import java.util.Optional;

/**
 * Pages with current information (port queues, shuttle departures, car parks…) about a catalogue item or
 * theme: kept by the module that keeps that information, linked from the item's guide and the theme's tile
 * by the catalogue, which need not know where the information comes from.
 */
public interface LiveInformation {

	/**
	 * A link to a page of current information.
	 *
	 * @param path where it goes, e.g. {@code /leisure/ports}
	 * @param messageKey the link's text in the message bundles
	 */
	record Link(String path, String messageKey) {
	}

	/** The page with current information about this catalogue item, if there is one. */
	Optional<Link> forItem(String itemCode);

	/** The page of this theme ({@code catalog.Theme} name), if it has one of its own. */
	Optional<Link> forTheme(String themeCode);

}
