package org.hetao.estation.directory;

/** What the directory and the map filter on; {@code null} means any. */
public record OrganisationFilter(OrganisationKind kind, ResearchField field, Background background, ScienceBase base) {

	public static final OrganisationFilter ANY = new OrganisationFilter(null, null, null, null);

	public boolean matches(Organisation o) {
		return (kind == null || o.kind() == kind) && (field == null || o.fields().contains(field))
				&& (background == null || o.background() == background)
				&& (base == null || (o.location() != null && o.location().base() == base));
	}

}
