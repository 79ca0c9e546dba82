package org.hetao.estation.directory.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hetao.estation.directory.Background;
import org.hetao.estation.directory.Organisation;
import org.hetao.estation.directory.OrganisationKind;
import org.hetao.estation.directory.ResearchField;
import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.shared.LocalizedText;

/** What the park operator edits about an organisation. */
public class OrganisationForm {

	@NotBlank(message = "{directory.form.required}")
	@Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$", message = "{directory.form.code.invalid}")
	private String code;

	@NotNull(message = "{directory.form.required}")
	private OrganisationKind kind;

	@NotBlank(message = "{directory.form.required}") @Size(max = 300, message = "{directory.form.tooLong}")
	private String nameZhHant;

	@NotBlank(message = "{directory.form.required}") @Size(max = 300, message = "{directory.form.tooLong}")
	private String nameZhHans;

	@NotBlank(message = "{directory.form.required}") @Size(max = 300, message = "{directory.form.tooLong}")
	private String nameEn;

	@NotBlank(message = "{directory.form.required}") @Size(max = 5000, message = "{directory.form.tooLong}")
	private String descriptionZhHant;

	@NotBlank(message = "{directory.form.required}") @Size(max = 5000, message = "{directory.form.tooLong}")
	private String descriptionZhHans;

	@NotBlank(message = "{directory.form.required}") @Size(max = 5000, message = "{directory.form.tooLong}")
	private String descriptionEn;

	@NotNull(message = "{directory.form.required}")
	private Background background;

	@Min(value = 0, message = "{directory.form.percent}") @Max(value = 100, message = "{directory.form.percent}")
	private Integer hkMemberShare;

	@NotEmpty(message = "{directory.form.fields.required}")
	private List<ResearchField> fields = new ArrayList<>();

	private ScienceBase base;

	@Size(max = 100, message = "{directory.form.tooLong}")
	private String building;

	@Size(max = 20, message = "{directory.form.tooLong}")
	private String floor;

	@Size(max = 40, message = "{directory.form.tooLong}")
	private String unit;

	@DecimalMin(value = "-180", message = "{directory.form.longitude.invalid}") @DecimalMax(value = "180", message = "{directory.form.longitude.invalid}")
	private BigDecimal longitude;

	@DecimalMin(value = "-90", message = "{directory.form.latitude.invalid}") @DecimalMax(value = "90", message = "{directory.form.latitude.invalid}")
	private BigDecimal latitude;

	@Size(max = 300, message = "{directory.form.tooLong}")
	@Pattern(regexp = "^$|^https?://\\S+$", message = "{directory.form.website.invalid}")
	private String website;

	@Size(max = 300, message = "{directory.form.tooLong}")
	private String contact;

	@Min(value = 0, message = "{directory.form.count}")
	private Integer teamsHosted;

	@Min(value = 0, message = "{directory.form.count}")
	private Integer hkBackgroundTeams;

	@Min(value = 0, message = "{directory.form.percent}") @Max(value = 100, message = "{directory.form.percent}")
	private Integer hkBackgroundShare;

	@Min(value = 0, message = "{directory.form.count}")
	private Integer teamsServed;

	@NotBlank(message = "{directory.form.required}") @Size(max = 2000, message = "{directory.form.tooLong}")
	private String source;

	private boolean illustrative;

	private int version;

	static OrganisationForm of(Organisation o) {
		OrganisationForm f = new OrganisationForm();
		f.code = o.code();
		f.kind = o.kind();
		f.nameZhHant = o.name().zhHant();
		f.nameZhHans = o.name().zhHans();
		f.nameEn = o.name().en();
		f.descriptionZhHant = o.description().zhHant();
		f.descriptionZhHans = o.description().zhHans();
		f.descriptionEn = o.description().en();
		f.background = o.background();
		f.hkMemberShare = o.hkMemberShare();
		f.fields = new ArrayList<>(o.fields());
		if (o.location() != null) {
			f.base = o.location().base();
			f.building = o.location().building();
			f.floor = o.location().floor();
			f.unit = o.location().unit();
			f.longitude = o.location().longitude();
			f.latitude = o.location().latitude();
		}
		f.website = o.website();
		f.contact = o.contact();
		if (o.incubator() != null) {
			f.teamsHosted = o.incubator().teamsHosted();
			f.hkBackgroundTeams = o.incubator().hkBackgroundTeams();
			f.hkBackgroundShare = o.incubator().hkBackgroundShare();
			f.teamsServed = o.incubator().teamsServed();
		}
		f.source = o.source();
		f.illustrative = o.illustrative();
		f.version = o.version();
		return f;
	}

	Organisation toOrganisation() {
		Organisation.IncubatorFigures figures = kind == OrganisationKind.INCUBATOR
				? new Organisation.IncubatorFigures(teamsHosted, hkBackgroundTeams, hkBackgroundShare, teamsServed) : null;
		return new Organisation(code, kind, LocalizedText.of(nameZhHant.strip(), nameZhHans.strip(), nameEn.strip()),
				LocalizedText.of(descriptionZhHant.strip(), descriptionZhHans.strip(), descriptionEn.strip()), background,
				hkMemberShare, fields,
				new Organisation.Location(base, blankToNull(building), blankToNull(floor), blankToNull(unit), longitude,
						latitude),
				blankToNull(website), blankToNull(contact), figures, source.strip(), illustrative,
				Organisation.Origin.OPERATOR, version);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	public String getCode() { return code; }
	public void setCode(String code) { this.code = code; }
	public OrganisationKind getKind() { return kind; }
	public void setKind(OrganisationKind kind) { this.kind = kind; }
	public String getNameZhHant() { return nameZhHant; }
	public void setNameZhHant(String v) { this.nameZhHant = v; }
	public String getNameZhHans() { return nameZhHans; }
	public void setNameZhHans(String v) { this.nameZhHans = v; }
	public String getNameEn() { return nameEn; }
	public void setNameEn(String v) { this.nameEn = v; }
	public String getDescriptionZhHant() { return descriptionZhHant; }
	public void setDescriptionZhHant(String v) { this.descriptionZhHant = v; }
	public String getDescriptionZhHans() { return descriptionZhHans; }
	public void setDescriptionZhHans(String v) { this.descriptionZhHans = v; }
	public String getDescriptionEn() { return descriptionEn; }
	public void setDescriptionEn(String v) { this.descriptionEn = v; }
	public Background getBackground() { return background; }
	public void setBackground(Background v) { this.background = v; }
	public Integer getHkMemberShare() { return hkMemberShare; }
	public void setHkMemberShare(Integer v) { this.hkMemberShare = v; }
	public List<ResearchField> getFields() { return fields; }
	public void setFields(List<ResearchField> v) { this.fields = v == null ? new ArrayList<>() : v; }
	public ScienceBase getBase() { return base; }
	public void setBase(ScienceBase v) { this.base = v; }
	public String getBuilding() { return building; }
	public void setBuilding(String v) { this.building = v; }
	public String getFloor() { return floor; }
	public void setFloor(String v) { this.floor = v; }
	public String getUnit() { return unit; }
	public void setUnit(String v) { this.unit = v; }
	public BigDecimal getLongitude() { return longitude; }
	public void setLongitude(BigDecimal v) { this.longitude = v; }
	public BigDecimal getLatitude() { return latitude; }
	public void setLatitude(BigDecimal v) { this.latitude = v; }
	public String getWebsite() { return website; }
	public void setWebsite(String v) { this.website = v; }
	public String getContact() { return contact; }
	public void setContact(String v) { this.contact = v; }
	public Integer getTeamsHosted() { return teamsHosted; }
	public void setTeamsHosted(Integer v) { this.teamsHosted = v; }
	public Integer getHkBackgroundTeams() { return hkBackgroundTeams; }
	public void setHkBackgroundTeams(Integer v) { this.hkBackgroundTeams = v; }
	public Integer getHkBackgroundShare() { return hkBackgroundShare; }
	public void setHkBackgroundShare(Integer v) { this.hkBackgroundShare = v; }
	public Integer getTeamsServed() { return teamsServed; }
	public void setTeamsServed(Integer v) { this.teamsServed = v; }
	public String getSource() { return source; }
	public void setSource(String v) { this.source = v; }
	public boolean isIllustrative() { return illustrative; }
	public void setIllustrative(boolean v) { this.illustrative = v; }
	public int getVersion() { return version; }
	public void setVersion(int v) { this.version = v; }

}
