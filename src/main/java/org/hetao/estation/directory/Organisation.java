package org.hetao.estation.directory;

import java.math.BigDecimal;
import java.util.List;

import org.hetao.estation.shared.LocalizedText;

/**
 * An organisation on the HK people's map.
 *
 * @param code stable identifier, lower-case letters, digits and dashes
 * @param hkMemberShare share of team members with a Hong Kong background, percent; {@code null} if not known
 * @param incubator an incubator's figures; {@code null} for other kinds
 * @param source which facts come from where (the 2021 article, the operator, a settlement application)
 * @param illustrative whether some facts (location, coordinates, contact) are invented for the demonstration
 * @param origin how the record came about
 * @param version optimistic-locking version
 */
public record Organisation(String code, OrganisationKind kind, LocalizedText name, LocalizedText description,
		Background background, Integer hkMemberShare, List<ResearchField> fields, Location location, String website,
		String contact, IncubatorFigures incubator, String source, boolean illustrative, Origin origin, int version) {

	public Organisation {
		fields = fields == null ? List.of() : List.copyOf(fields);
	}

	/** Where it sits: a base, building, floor and unit, and a point on the zone map (WGS 84). */
	public record Location(ScienceBase base, String building, String floor, String unit, BigDecimal longitude,
			BigDecimal latitude) {

		public boolean onMap() {
			return longitude != null && latitude != null;
		}

	}

	/** An incubator's numbers as published. */
	public record IncubatorFigures(Integer teamsHosted, Integer hkBackgroundTeams, Integer hkBackgroundShare,
			Integer teamsServed) {
	}

	public enum Origin {
		/** Loaded from {@code directory/organisations.json}. */
		DATA,
		/** Created or last edited by the park operator. */
		OPERATOR,
		/** Created when a settlement application was allocated space. */
		SETTLEMENT
	}

}
