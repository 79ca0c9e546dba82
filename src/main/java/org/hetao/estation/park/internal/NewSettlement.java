package org.hetao.estation.park.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.hetao.estation.directory.Background;
import org.hetao.estation.directory.ResearchField;
import org.hetao.estation.directory.ScienceBase;

/** What an enterprise tells the park when it applies to settle. */
public record NewSettlement(String companyName, String companyNameEn, String description, ScienceBase base,
		BigDecimal areaWanted, UnitUse useWanted, LocalDate moveInDate, int teamSize, int hkTeamMembers,
		Background background, String hkFacts, List<ResearchField> fields, String website, String contact) {
}
