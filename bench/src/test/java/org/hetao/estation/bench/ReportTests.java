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
