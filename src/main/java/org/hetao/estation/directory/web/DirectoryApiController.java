package org.hetao.estation.directory.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.hetao.estation.directory.Directory;
import org.hetao.estation.directory.Organisation;
import org.hetao.estation.shared.Problem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The HK people's map on the API: public, read-only. */
@RestController
@RequestMapping("/api/v1/directory/organisations")
@Tag(name = "Directory", description = "The zone's organisations (港人地圖)")
class DirectoryApiController {

	private final Directory directory;

	DirectoryApiController(Directory directory) {
		this.directory = directory;
	}

	@GetMapping
	@Operation(summary = "Organisations, filtered by kind, field, background and base (codes, all optional)")
	List<Organisation> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String field,
			@RequestParam(required = false) String background, @RequestParam(required = false) String base) {
		return directory.find(Filters.parse(kind, field, background, base));
	}

	@GetMapping("/{code}")
	@Operation(summary = "One organisation's profile")
	Organisation one(@PathVariable String code) {
		return directory.byCode(code).orElseThrow(() -> Problem.notFound("directory.error.notFound"));
	}

}
