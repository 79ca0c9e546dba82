package org.hetao.estation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTests {

	@TempDir
	Path run;

	String sampleSearch() throws Exception {
		try (InputStream in = ReportTests.class.getResourceAsStream("/sample-search.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	void parts() throws Exception {
		new Part(run, "00-machine").put("date", "2026-11-27T10:00:00Z").put("mode", "quick").put("cores", 2)
			.put("loadAverageAtStart", "9.5 6.0 3.0").put("machine", "test \"box\"").save();
		new Part(run, "submissions").put("submissionsPerSecond", 600.0).put("submissionP99Ms", 80.5)
			.put("submissionErrors", 0).put("submission.c32.rps", 600.0).put("submission.c32.p99Ms", 80.5)
			.note("first note").save();
		new Part(run, "pgbench").put("pgbenchTps", 1200.0).put("pgbench.c32.tps", 1200.0).save();
		new Part(run, "engines").put("casesPerSecondOurs", 580).put("casesPerSecondFlowable", 116).save();
		new Part(run, "pages").put("itemGuideRps", 87.7).put("itemGuideP99Ms", 1992.703).put("itemGuideRpsOneClient", 310.5)
			.put("itemGuideP50MsOneClient", 2.9).put("itemGuideP99MsOneClient", 7.35).put("itemGuideErrorsOneClient", 0).save();
		new Part(run, "searchhttp").put("searchHttpOpenLoopRate", 200.0).put("searchHttpOpenLoopSent", 2000)
			.put("searchHttpOpenLoopP50Ms", 4.1).put("searchHttpOpenLoopP99Ms", 12.6).put("searchHttpOpenLoopP999Ms", 30.2)
			.put("searchHttpOpenLoopMaxMs", 41.0).put("searchHttpOpenLoopErrors", 0).put("searchHttpOpenLoopFloorSent", 2000)
			.put("searchHttpOpenLoopFloorP50Ms", 1.2).put("searchHttpOpenLoopFloorP99Ms", 5.5)
			.put("searchHttpOpenLoopFloorP999Ms", 9.0).put("searchHttpOpenLoopFloorMaxMs", 11.0)
			.put("searchHttpOpenLoopFloorErrors", 0).save();
	}

	@Test
	void readsTheSearchBenchmarksFile() throws Exception {
		Map<String, Object> search = Report.readFlatJson(sampleSearch());
		assertEquals(100000L, search.get("documents"));
		assertEquals(2.61, search.get("searchP99Ms"));
		assertEquals(8.75, search.get("searchHttpP99Ms"));
		assertEquals(2450.5, search.get("searchQps8Threads"));
	}

	@Test
	void mergesThePartsWithTheHeadlineFirstAndDerivesTheRatios() throws Exception {
		parts();
		Files.writeString(run.resolve("search.json"), sampleSearch());
		Map<String, Object> figures = Report.merge(run);
		List<String> keys = new ArrayList<>(figures.keySet());
		assertEquals("date", keys.get(0));
		assertTrue(keys.indexOf("submissionsPerSecond") < keys.indexOf("submission.c32.rps"));
		for (String headline : Report.HEADLINE) {
			assertTrue(figures.containsKey(headline), headline);
		}
		assertEquals(0.5, figures.get("submissionsToPgbenchRatio"));
		assertEquals(5.0, figures.get("casesPerSecondRatio"));
		assertEquals(100000L, figures.get("searchDocuments"));
		assertEquals(2.61, figures.get("searchP99Ms"));
		assertNull(figures.get("ticketDuplicates"), "a measure that did not run is null");
		List<?> notes = (List<?>) figures.get("notes");
		assertTrue(notes.get(0).toString().contains("under load"), notes.toString());
		assertTrue(notes.contains("first note"));

		String json = Report.json(figures);
		assertTrue(json.contains("\"submissionsPerSecond\": 600,"), json);
		assertTrue(json.contains("\"ticketDuplicates\": null,"), json);
		assertTrue(json.contains("\"machine\": \"test \\\"box\\\"\""), json);
		assertEquals(0.5, Report.readFlatJson(json).get("submissionsToPgbenchRatio"), "the JSON reads back");

		String md = Report.markdown(figures);
		assertTrue(md.contains("| Matter submissions/s (best level) | 600 | >= 1000 | **no** |"), md);
		assertTrue(md.contains("| Submission p99 ms at that level | 80.5 | < 100 | yes |"), md);
		assertTrue(md.contains("| Hall: tickets called twice | — | == 0 | n/a |"), md);
		assertTrue(md.contains("| 32 | 600 | — | 80.5 | — | — | 1200 | 0.5 |"), md);
		assertTrue(md.contains("| Search p99 ms over HTTP, open loop at 200/s | 12.6 | <= 10 | **no** |"), md);
		assertTrue(md.contains("| Search errors over HTTP, open loop | 0 | == 0 | yes |"), md);
		assertTrue(md.contains("| search (labelled queries) | 2000 | 4.1 | 12.6 | 30.2 | 41 | 0 |"), md);
		assertTrue(md.contains("| nothing searched (floor) | 2000 | 1.2 | 5.5 | 9 | 11 | 0 |"), md);
		assertTrue(md.contains("| `itemGuideP50MsOneClient` | 2.9 |"), md);
	}

	@Test
	void theOpenLoopAndOneClientFiguresAreTopLevelNumbers() throws Exception {
		parts();
		Map<String, Object> figures = Report.merge(run);
		List<String> keys = new ArrayList<>(figures.keySet());
		for (String key : List.of("itemGuideP50MsOneClient", "itemGuideP99MsOneClient", "itemGuideRpsOneClient",
				"searchHttpOpenLoopP50Ms", "searchHttpOpenLoopP99Ms", "searchHttpOpenLoopP999Ms", "searchHttpOpenLoopMaxMs",
				"searchHttpOpenLoopErrors", "searchHttpOpenLoopRate", "searchHttpOpenLoopSent",
				"searchHttpOpenLoopFloorP99Ms")) {
			assertTrue(Report.HEADLINE.contains(key), key);
			assertTrue(keys.indexOf(key) < keys.indexOf("appLaunch") || !keys.contains("appLaunch"), key);
			assertTrue(keys.indexOf(key) < keys.indexOf("searchHttpOpenLoopFloorP50Ms"), key + " among the headline");
		}
		assertEquals(2.9, figures.get("itemGuideP50MsOneClient"));
		assertEquals(12.6, figures.get("searchHttpOpenLoopP99Ms"));
		assertEquals(5.5, figures.get("searchHttpOpenLoopFloorP99Ms"));
		assertEquals(0L, figures.get("searchHttpOpenLoopErrors"));
		assertEquals(2000L, figures.get("searchHttpOpenLoopSent"));
		String json = Report.json(figures);
		assertTrue(json.contains("\"searchHttpOpenLoopRate\": 200,"), json);
		assertTrue(json.contains("\"itemGuideRps\": 87.7,"), json);
		Map<String, Object> back = Report.readFlatJson(json);
		assertEquals(12.6, back.get("searchHttpOpenLoopP99Ms"));
		assertEquals(310.5, back.get("itemGuideRpsOneClient"));

		// a run without the new parts still carries the keys, as null
		Files.delete(run.resolve("parts").resolve("searchhttp.properties"));
		Files.delete(run.resolve("parts").resolve("pages.properties"));
		Map<String, Object> without = Report.merge(run);
		assertTrue(without.containsKey("searchHttpOpenLoopP99Ms"));
		assertNull(without.get("searchHttpOpenLoopP99Ms"));
		assertNull(without.get("itemGuideP50MsOneClient"));
		assertFalse(Report.markdown(without).contains("## Search over HTTP, open loop"));
	}

	@Test
	void withoutTheSearchFileTheFiguresAreNullWithANoteOrReadFromTheLog() throws Exception {
		parts();
		Map<String, Object> none = Report.merge(run);
		assertNull(none.get("searchP99Ms"));
		assertTrue(none.get("notes").toString().contains("did not run"));

		Files.writeString(run.resolve("search.log"), """
				Indexed 20,000 generated documents in 12.3 s
				in-process (Search.search, 1 thread): 1,000 queries, p50 = 1.25 ms, p99 = 4.50 ms, max = 9.00 ms
				HTTP GET /api/v1/search (8 concurrent clients): 1,000 queries, p50 = 6.10 ms, p99 = 14.20 ms, max = 30.00 ms
				""");
		Map<String, Object> fromLog = Report.merge(run);
		assertEquals(4.5, fromLog.get("searchP99Ms"));
		assertEquals(14.2, fromLog.get("searchHttpP99Ms"));
		assertEquals(20000L, fromLog.get("searchDocuments"));
		assertTrue(fromLog.get("notes").toString().contains("printed output"));
	}

	@Test
	void writesTheFilesAndLatest() throws Exception {
		parts();
		Path results = run.resolve("results");
		Report.main(new String[] { run.toString(), results.toString(), "20261127T100000Z" });
		assertTrue(Files.exists(results.resolve("20261127T100000Z.json")));
		assertTrue(Files.exists(results.resolve("20261127T100000Z.md")));
		assertEquals(Files.readString(results.resolve("20261127T100000Z.json")), Files.readString(results.resolve("latest.json")));
		assertFalse(Files.readString(results.resolve("latest.json")).isBlank());
	}

}
