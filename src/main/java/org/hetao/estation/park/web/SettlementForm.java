package org.hetao.estation.park.web;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.hetao.estation.directory.ResearchField;
import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.park.internal.NewSettlement;
import org.hetao.estation.park.internal.UnitUse;
import org.springframework.format.annotation.DateTimeFormat;

/** The settlement application form. */
public class SettlementForm {

	@NotBlank(message = "{park.form.required}") @Size(max = 300, message = "{park.form.tooLong}")
	private String companyName;

	@Size(max = 300, message = "{park.form.tooLong}")
	private String companyNameEn;

	@NotBlank(message = "{park.form.required}") @Size(max = 4000, message = "{park.form.tooLong}")
	private String description;

	@NotNull(message = "{park.form.required}")
	private ScienceBase base;

	@NotNull(message = "{park.form.required}")
	@DecimalMin(value = "20", message = "{park.form.area.range}") @DecimalMax(value = "20000", message = "{park.form.area.range}")
	private BigDecimal areaWanted;

	@NotNull(message = "{park.form.required}")
	private UnitUse useWanted;

	@NotNull(message = "{park.form.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate moveInDate;

	@NotNull(message = "{park.form.required}") @Min(value = 1, message = "{park.form.teamSize.range}") @Max(value = 10000, message = "{park.form.teamSize.range}")
	private Integer teamSize;

	@NotNull(message = "{park.form.required}") @Min(value = 0, message = "{park.form.teamSize.range}") @Max(value = 10000, message = "{park.form.teamSize.range}")
	private Integer hkTeamMembers;

	@NotNull(message = "{park.form.required}")
	private Background background;

	@NotBlank(message = "{park.form.required}") @Size(max = 4000, message = "{park.form.tooLong}")
	private String hkFacts;

	@NotEmpty(message = "{park.form.fields.required}")
	private List<ResearchField> fields = new ArrayList<>();

	@Size(max = 300, message = "{park.form.tooLong}")
	@Pattern(regexp = "^$|^https?://\\S+$", message = "{park.form.website.invalid}")
	private String website;

	@NotBlank(message = "{park.form.required}") @Size(max = 300, message = "{park.form.tooLong}")
	private String contact;

	NewSettlement toNewSettlement() {
		return new NewSettlement(companyName, companyNameEn, description, base, areaWanted, useWanted, moveInDate,
				teamSize, hkTeamMembers, background, hkFacts, fields, website, contact);
	}

	public String getCompanyName() { return companyName; }
	public void setCompanyName(String v) { this.companyName = v; }
	public String getCompanyNameEn() { return companyNameEn; }
	public void setCompanyNameEn(String v) { this.companyNameEn = v; }
	public String getDescription() { return description; }
	public void setDescription(String v) { this.description = v; }
	public ScienceBase getBase() { return base; }
	public void setBase(ScienceBase v) { this.base = v; }
	public BigDecimal getAreaWanted() { return areaWanted; }
	public void setAreaWanted(BigDecimal v) { this.areaWanted = v; }
	public UnitUse getUseWanted() { return useWanted; }
	public void setUseWanted(UnitUse v) { this.useWanted = v; }
	public LocalDate getMoveInDate() { return moveInDate; }
	public void setMoveInDate(LocalDate v) { this.moveInDate = v; }
	public Integer getTeamSize() { return teamSize; }
	public void setTeamSize(Integer v) { this.teamSize = v; }
	public Integer getHkTeamMembers() { return hkTeamMembers; }
	public void setHkTeamMembers(Integer v) { this.hkTeamMembers = v; }
	public Background getBackground() { return background; }
	public void setBackground(Background v) { this.background = v; }
	public String getHkFacts() { return hkFacts; }
	public void setHkFacts(String v) { this.hkFacts = v; }
	public List<ResearchField> getFields() { return fields; }
	public void setFields(List<ResearchField> v) { this.fields = v == null ? new ArrayList<>() : v; }
	public String getWebsite() { return website; }
	public void setWebsite(String v) { this.website = v; }
	public String getContact() { return contact; }
	public void setContact(String v) { this.contact = v; }

}
