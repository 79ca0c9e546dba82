package org.hetao.estation.search;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.hetao.estation.search.internal.LuceneSearchIndex;
import org.hetao.estation.search.internal.OpenCcConverter;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/**
 * Search latency with the index grown to 100,000 generated documents ({@link SearchCorpus}: made
 * of the real catalogue's and policies' text, with real and name-word queries). Prints p50/p99 of 2–3-word queries in-process
 * through {@link Search} (analysis, synonyms, facets, highlighting included) and over HTTP
 * ({@code GET /api/v1/search}) with 8 concurrent clients against the application on a random port.
 * Not a timed test: it runs only when asked for.
 *
 * Also prints, as the yardstick the issue names, bare Lucene on the same documents and queries
 * ({@link #bareLucene}), the floor of the HTTP figures (the same clients on a request that searches nothing:
 * what the web stack and the machine cost), and the in-process throughput of 8 threads and writes the figures as JSON to
 * {@code target/bench/search.json}. {@code -Dbench.documents=} and {@code -Dbench.queries=} make a
 * quick run.
 *
 * <pre>mvn -o test -Dtest=SearchBenchmark -Dbench=true</pre>
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "estation.search.index-dir=target/search-benchmark-index")
class SearchBenchmark {

	static final int DOCUMENTS = Integer.getInteger("bench.documents", 100_000);

	static final int QUERIES = Integer.getInteger("bench.queries", 5_000);

	static final int CLIENTS = 8;

	/**
	 * Queries run before measuring, the same for ours and for bare Lucene: every query twice, so that the
	 * JIT has compiled all the code the queries run (2,000 before; a quarter of it before the HTTP run).
	 */
	static final int WARM_UP = 2 * QUERIES;

	@Autowired
	LuceneSearchIndex index;

	@Autowired
	Search search;

	@LocalServerPort
	int port;

	final SearchCorpus corpus = new SearchCorpus(Path.of("src/main/resources"), 20261127);

	/** A request through the whole web stack that searches nothing: a blank prefix is answered with []. */
	static final String NOTHING_SEARCHED = "/api/v1/search/suggest?q=";

	@Test
	void latency() throws Exception {
		System.out.printf("%nCorpus: %s%nJava assertions: %s (production runs without them)%n", corpus.describe(),
				assertionsEnabled() ? "ON" : "off");
		long start = System.nanoTime();
		List<SearchDocument> all = new ArrayList<>();
		for (int i = 0; i < DOCUMENTS; i++) {
			all.add(corpus.document(i));
		}
		// one bulk load, as a rebuild from the database is: the index ends in one segment
		index.addAll(all);
		System.out.printf("%nIndexed %,d generated documents in %.1f s%n", DOCUMENTS, (System.nanoTime() - start) / 1e9);

		List<String[]> queries = new ArrayList<>();
		for (int i = 0; i < QUERIES; i++) {
			queries.add(corpus.query());
		}
		// warm up (JIT, caches), then measure
		for (int i = 0; i < WARM_UP; i++) {
			String[] q = queries.get(i % queries.size());
			search.search(new SearchRequest(q[0], Language.valueOf(q[1]), Map.of(), 0, 10));
		}
		long[] inProcess = new long[QUERIES];
		long[] cpu = new long[QUERIES];
		long[] allocated = new long[QUERIES];
		com.sun.management.ThreadMXBean threadBean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long total = 0;
		long gcCount = gcCount();
		long gcMillis = gcMillis();
		for (int i = 0; i < QUERIES; i++) {
			String[] q = queries.get(i);
			long a0 = threadBean.getCurrentThreadAllocatedBytes();
			long c0 = threadBean.getCurrentThreadCpuTime();
			long t0 = System.nanoTime();
			SearchResults results = search.search(new SearchRequest(q[0], Language.valueOf(q[1]), Map.of(), 0, 10));
			inProcess[i] = System.nanoTime() - t0;
			cpu[i] = threadBean.getCurrentThreadCpuTime() - c0;
			allocated[i] = threadBean.getCurrentThreadAllocatedBytes() - a0;
			total += results.total();
		}
		gcCount = gcCount() - gcCount;
		gcMillis = gcMillis() - gcMillis;
		report("in-process (Search.search, 1 thread)", inProcess);
		System.out.printf("  garbage collections meanwhile: %d, %d ms in all; allocated per query: mean %,d KB, p99 %,d KB%n",
				gcCount, gcMillis, Arrays.stream(allocated).sum() / QUERIES / 1024, rank(allocated, 0.99) / 1024);
		slowest(queries, cpu, 10);
		// CPU time of the searching thread: what a query costs, whatever else the machine is doing
		report("  the same, CPU time of the thread", cpu);
		long[] bare = bareLucene(all, queries);
		report("  bare Lucene on the same documents and queries (yardstick)", bare);
		System.out.printf("  average hits per query: %,d%n", total / QUERIES);

		// throughput: 8 threads in-process sharing the queries
		ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> running = new ArrayList<>();
		long throughputStart = System.nanoTime();
		for (int c = 0; c < CLIENTS; c++) {
			int offset = c;
			running.add(threads.submit(() -> {
				for (int i = offset; i < QUERIES; i += CLIENTS) {
					String[] q = queries.get(i);
					search.search(new SearchRequest(q[0], Language.valueOf(q[1]), Map.of(), 0, 10));
				}
				return null;
			}));
		}
		for (Future<?> f : running) {
			f.get();
		}
		threads.shutdown();
		double qps = (double) QUERIES / ((System.nanoTime() - throughputStart) / 1e9);
		System.out.printf("in-process throughput, %d threads: %,.0f queries/s%n", CLIENTS, qps);

		// Over HTTP, twice: with plain keep-alive clients (one connection each, a GET written and the
		// response read whole), which cost the shared cores little next to the server they measure; and
		// with java.net.http's client, whose own work on the same two cores counts in its figures.
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<PlainHttpClient> plain = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			plain.add(new PlainHttpClient(port));
		}
		for (int i = 0; i < WARM_UP / 4; i++) {
			plain.get(0).get(searchPath(queries.get(i % queries.size())));
		}
		long[] overHttp = concurrently(pool, queries, (c, q) -> plain.get(c).get(searchPath(q)));
		report("HTTP GET /api/v1/search (" + CLIENTS + " concurrent plain keep-alive clients)", overHttp);
		// the floor: the same clients and as many requests through the same web stack (Tomcat, filters,
		// security, MVC, JSON) to an endpoint that searches nothing. What it shows is not the search's.
		long[] floor = concurrently(pool, queries, (c, q) -> plain.get(c).get(NOTHING_SEARCHED));
		for (PlainHttpClient c : plain) {
			c.close();
		}
		report("  the floor: the same clients on GET " + NOTHING_SEARCHED + " (answers [] without searching)", floor);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (int i = 0; i < WARM_UP / 4; i++) {
			http(client, queries.get(i % queries.size()));
		}
		long[] overJdkHttp = concurrently(pool, queries, (c, q) -> http(client, q));
		pool.shutdown();
		report("HTTP GET /api/v1/search (" + CLIENTS + " concurrent java.net.http clients)", overJdkHttp);

		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("documents", DOCUMENTS);
		figures.put("queries", QUERIES);
		figures.put("searchP50Ms", round(percentile(inProcess, 0.5)));
		figures.put("searchP99Ms", round(percentile(inProcess, 0.99)));
		figures.put("searchCpuP50Ms", round(percentile(cpu, 0.5)));
		figures.put("searchCpuP99Ms", round(percentile(cpu, 0.99)));
		figures.put("searchAllocatedKbMean", Arrays.stream(allocated).sum() / QUERIES / 1024);
		figures.put("bareLuceneP50Ms", round(percentile(bare, 0.5)));
		figures.put("bareLuceneP99Ms", round(percentile(bare, 0.99)));
		figures.put("searchHttpP50Ms", round(percentile(overHttp, 0.5)));
		figures.put("searchHttpP99Ms", round(percentile(overHttp, 0.99)));
		figures.put("httpFloorP50Ms", round(percentile(floor, 0.5)));
		figures.put("httpFloorP99Ms", round(percentile(floor, 0.99)));
		figures.put("searchHttpJdkClientP50Ms", round(percentile(overJdkHttp, 0.5)));
		figures.put("searchHttpJdkClientP99Ms", round(percentile(overJdkHttp, 0.99)));
		figures.put("searchQps8Threads", Math.round(qps));
		figures.put("assertionsEnabled", assertionsEnabled());
		figures.put("corpus", corpus.describe());
		figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
				+ System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
				+ System.getProperty("java.version") + ", load average " + String.format(Locale.ROOT, "%.2f",
						ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		figures.put("date", Instant.now().toString());
		Path out = Path.of("target/bench/search.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
		System.out.println("Figures written to " + out.toAbsolutePath());
	}

	/**
	 * The yardstick on the same documents and queries: bare Lucene with one smartcn field
	 * (the Simplified title and body) and one English field, the query folded by OpenCC and analysed,
	 * an OR of its terms, the best ten and their stored code. No synonyms, required words, facets or
	 * snippets.
	 */
	static long[] bareLucene(List<SearchDocument> documents, List<String[]> queries) throws IOException {
		OpenCcConverter converter = OpenCcConverter.hk2s();
		Analyzer chinese = new SmartChineseAnalyzer();
		Analyzer english = new EnglishAnalyzer();
		Path dir = Path.of("target/search-benchmark-bare");
		try (Directory directory = FSDirectory.open(dir);
				IndexWriter writer = new IndexWriter(directory,
						new IndexWriterConfig(new PerFieldAnalyzerWrapper(english, Map.of("zh", chinese)))
							.setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64))) {
			for (SearchDocument document : documents) {
				Document doc = new Document();
				doc.add(new TextField("zh", document.title().zhHans() + "\n" + document.body().zhHans(), Field.Store.NO));
				doc.add(new TextField("en", document.title().en() + "\n" + document.body().en(), Field.Store.NO));
				doc.add(new StoredField("code", document.code()));
				writer.addDocument(doc);
			}
			writer.forceMerge(1); // as ours: one segment
			writer.commit();
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				for (int i = 0; i < WARM_UP; i++) {
					bareQuery(searcher, converter, chinese, english, queries.get(i % queries.size()));
				}
				long[] nanos = new long[queries.size()];
				for (int i = 0; i < nanos.length; i++) {
					long t0 = System.nanoTime();
					bareQuery(searcher, converter, chinese, english, queries.get(i));
					nanos[i] = System.nanoTime() - t0;
				}
				return nanos;
			}
		}
	}

	static void bareQuery(IndexSearcher searcher, OpenCcConverter converter, Analyzer chinese, Analyzer english,
			String[] query) throws IOException {
		boolean inEnglish = Language.valueOf(query[1]) == Language.EN;
		String field = inEnglish ? "en" : "zh";
		BooleanQuery.Builder terms = new BooleanQuery.Builder();
		try (TokenStream stream = (inEnglish ? english : chinese).tokenStream(field, converter.convert(query[0]))) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(new TermQuery(new Term(field, term.toString())), BooleanClause.Occur.SHOULD);
			}
			stream.end();
		}
		StoredFields stored = searcher.storedFields();
		for (ScoreDoc hit : searcher.search(terms.build(), 10).scoreDocs) {
			stored.document(hit.doc);
		}
	}

	/** The queries that cost most CPU time: where the tail comes from. */
	static void slowest(List<String[]> queries, long[] cpu, int n) {
		Integer[] order = new Integer[cpu.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Long.compare(cpu[b], cpu[a]));
		System.out.println("  the costliest queries (CPU time):");
		for (int i = 0; i < Math.min(n, order.length); i++) {
			String[] q = queries.get(order[i]);
			System.out.printf("    %6.2f ms  %-7s %s%n", cpu[order[i]] / 1e6, q[1], q[0]);
		}
	}

	/** Surefire turns assertions on for tests; the pom's bench profile turns them off, as in production. */
	@SuppressWarnings("AssertWithSideEffects")
	static boolean assertionsEnabled() {
		boolean enabled = false;
		assert enabled = true;
		return enabled;
	}

	static long gcCount() {
		return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionCount())).sum();
	}

	static long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
	}

	static double percentile(long[] nanos, double p) {
		return rank(nanos, p) / 1e6;
	}

	static long rank(long[] values, double p) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
	}

	static double round(double ms) {
		return Math.round(ms * 100) / 100.0;
	}

	interface Call {

		void run(int client, String[] query) throws IOException;

	}

	/** Each client runs its share of the queries one after another; the latency of each. */
	static long[] concurrently(ExecutorService pool, List<String[]> queries, Call call) throws Exception {
		long[] nanos = new long[queries.size()];
		List<Future<?>> futures = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			futures.add(pool.submit(() -> {
				for (int i = client; i < queries.size(); i += CLIENTS) {
					long t0 = System.nanoTime();
					call.run(client, queries.get(i));
					nanos[i] = System.nanoTime() - t0;
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		return nanos;
	}

	static String searchPath(String[] q) {
		return "/api/v1/search?q=" + URLEncoder.encode(q[0], StandardCharsets.UTF_8) + "&lang=" + Language.valueOf(q[1]).tag();
	}

	/**
	 * An HTTP/1.1 client on one kept-alive connection: writes a GET, reads the status line, the headers
	 * and the whole body (by Content-Length or chunks), and fails on anything but 200.
	 */
	static final class PlainHttpClient implements java.io.Closeable {

		private final int port;

		private java.net.Socket socket;

		private java.io.OutputStream out;

		private java.io.BufferedInputStream in;

		PlainHttpClient(int port) throws IOException {
			this.port = port;
			connect();
		}

		private void connect() throws IOException {
			socket = new java.net.Socket("localhost", port);
			socket.setTcpNoDelay(true);
			out = socket.getOutputStream();
			in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
		}

		byte[] get(String path) throws IOException {
			out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: application/json\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String status = line();
			if (!status.startsWith("HTTP/1.1 200")) {
				throw new IllegalStateException(status + " for " + path);
			}
			int length = -1;
			boolean chunked = false;
			boolean closing = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Integer.parseInt(lower.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					closing = true;
				}
			}
			byte[] body;
			if (!chunked) {
				body = in.readNBytes(length);
			}
			else {
				java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
				for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
					chunks.write(in.readNBytes(size));
					line();
				}
				line();
				body = chunks.toByteArray();
			}
			if (closing) {
				// the server ends a connection after so many requests (Tomcat: 100): open the next one
				socket.close();
				connect();
			}
			return body;
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new IOException("connection closed");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}

	}

	void http(HttpClient client, String[] q) {
		URI uri = URI.create("http://localhost:" + port + searchPath(q));
		try {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(response.statusCode() + " for " + uri);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void report(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf("%s: %,d queries, p50 = %.2f ms, p99 = %.2f ms, max = %.2f ms%n", what, sorted.length,
				sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
	}

}
