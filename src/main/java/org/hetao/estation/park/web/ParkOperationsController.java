package org.hetao.estation.park.web;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.park.internal.Occupancy;
import org.hetao.estation.park.internal.ParkSpace;
import org.hetao.estation.park.internal.SettlementService;
import org.hetao.estation.park.internal.UnitState;
import org.hetao.estation.park.internal.UnitUse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The park operator's desk: the settlement queue and the occupancy of the four bases. */
@Controller
class ParkOperationsController {

	private final SettlementService settlement;

	private final ParkSpace space;

	ParkOperationsController(SettlementService settlement, ParkSpace space) {
		this.settlement = settlement;
		this.space = space;
	}

	@GetMapping("/park/operations")
	String operations(Model model) {
		model.addAttribute("applications", settlement.visibleTo(CurrentUser.require()));
		model.addAttribute("occupancy", new Occupancy(space.occupancy()));
		model.addAttribute("states", UnitState.values());
		return "park/operations";
	}

	@GetMapping("/park/occupancy")
	String occupancy(Model model) {
		model.addAttribute("occupancy", new Occupancy(space.occupancy()));
		model.addAttribute("states", UnitState.values());
		model.addAttribute("uses", UnitUse.values());
		model.addAttribute("buildingNames", space.buildings()
			.stream()
			.collect(java.util.stream.Collectors.toMap(b -> b.code(), b -> b.name())));
		return "park/occupancy";
	}

}
