package org.hetao.estation.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.hetao.estation.search.SearchContributor;
import org.hetao.estation.search.SearchDocument;
import org.hetao.estation.search.SearchFacets;
import org.hetao.estation.search.SearchHit;
import org.hetao.estation.search.SearchRequest;
import org.hetao.estation.search.SearchResults;
import org.hetao.estation.search.SearchType;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analysis chain end to end on a small in-memory index. */
class SearchAnalysisTests {

	static final OpenCcConverter CONVERTER = OpenCcConverter.hk2s();

	static LuceneSearchIndex index;

	static final List<SearchDocument> DOCS = List.of(
			doc("T-PERMIT", "港澳居民來往內地通行證換發", "港澳居民来往内地通行证换发", "Renewal of the Mainland Travel Permit for Hong Kong and Macao Residents",
					"香港居民申請換發往來內地的通行證。", "香港居民申请换发往来内地的通行证。", "Hong Kong residents renew the permit for travelling to the Mainland.", "PUBLIC_SECURITY"),
			doc("T-COMPANY", "企業設立登記", "企业设立登记", "Company registration",
					"在合作區設立有限責任公司，領取營業執照。", "在合作区设立有限责任公司，领取营业执照。", "Register a limited company in the zone and receive the business licence.", "GOVERNMENT_AFFAIRS"),
			doc("T-CUSTOMS", "進出口貨物海關申報", "进出口货物海关申报", "Customs declaration of imported and exported goods",
					"企業向海關申報進出口貨物。", "企业向海关申报进出口货物。", "Enterprises declare imported and exported goods to customs.", "CUSTOMS"),
			doc("T-PLATE", "機動車號牌補領", "机动车号牌补领", "Replacement of motor vehicle number plates",
					"號牌遺失或損壞時補領。", "号牌遗失或损坏时补领。", "Replace lost or damaged number plates.", "TRAFFIC_POLICE"),
			doc("T-TAXID", "納稅人識別號查詢", "纳税人识别号查询", "Taxpayer identification number enquiry",
					"查詢企業的納稅人識別號。", "查询企业的纳税人识别号。", "Look up an enterprise's taxpayer identification number.", "TAXATION"),
			doc("T-SCRIPT", "<script>alert(1)</script> 測試", "<script>alert(1)</script> 测试", "<script>alert(1)</script> test",
					"<b>粗體</b> 測試內容", "<b>粗体</b> 测试内容", "<b>bold</b> test content", "LEGAL"));

	static SearchDocument doc(String code, String hant, String hans, String en, String bHant, String bHans, String bEn,
			String domain) {
		return new SearchDocument(SearchType.ITEM, code, LocalizedText.of(hant, hans, en),
				LocalizedText.of(bHant, bHans, bEn), null, "/catalog/items/" + code,
				Map.of(SearchFacets.DOMAIN, List.of(domain)));
	}

	@BeforeAll
	static void build() {
		SearchContributor contributor = () -> DOCS;
		index = new LuceneSearchIndex(new ByteBuffersDirectory(), CONVERTER,
				Synonyms.load("/search/synonyms.txt", s -> Synonyms.basicNormalize(CONVERTER.convert(s))),
				() -> List.of(contributor));
		assertThat(index.rebuild()).isEqualTo(DOCS.size());
	}

	@AfterAll
	static void close() throws Exception {
		index.close();
	}

	static String top(String query) {
		SearchResults results = index.search(SearchRequest.of(query, Language.ZH_HANT));
		return results.hits().isEmpty() ? null : results.hits().get(0).code();
	}

	@Test
	void traditionalQueryFindsSimplifiedTextAndBack() {
		// Title in zh-Hans only differs by script; both directions must land on the same item.
		assertThat(top("海關申報")).isEqualTo("T-CUSTOMS");
		assertThat(top("海关申报")).isEqualTo("T-CUSTOMS");
		assertThat(top("營業執照")).isEqualTo("T-COMPANY");
		assertThat(top("营业执照")).isEqualTo("T-COMPANY");
	}

	@Test
	void synonymsMapColloquialWordsToCatalogueWords() {
		assertThat(top("回鄉證")).isEqualTo("T-PERMIT");
		assertThat(top("回乡证 换领")).isEqualTo("T-PERMIT");
		assertThat(top("Home Return Permit")).isEqualTo("T-PERMIT");
		assertThat(top("報關")).isEqualTo("T-CUSTOMS");
		assertThat(top("開公司")).isEqualTo("T-COMPANY");
		assertThat(top("車牌 補領")).isEqualTo("T-PLATE");
		assertThat(top("稅號")).isEqualTo("T-TAXID");
	}

	@Test
	void englishStemsAndTypos() {
		assertThat(top("registering companies")).isEqualTo("T-COMPANY");
		assertThat(top("custom declarations")).isEqualTo("T-CUSTOMS");
		assertThat(top("custms declaraton")).isEqualTo("T-CUSTOMS");
		assertThat(top("taxpayer identifcation")).isEqualTo("T-TAXID");
	}

	@Test
	void bigramsMatchPartialAndUnsegmentedWords() {
		// "識別" is only part of smartcn's words here; "設立登" cuts a word in two.
		assertThat(top("識別")).isEqualTo("T-TAXID");
		assertThat(top("設立登")).isEqualTo("T-COMPANY");
		assertThat(top("來往內地通行")).isEqualTo("T-PERMIT");
	}

	@Test
	void snippetsAreEscapedThenHighlightedInTheUsersLanguage() {
		SearchResults results = index.search(SearchRequest.of("测试", Language.ZH_HANT));
		SearchHit hit = results.hits().get(0);
		assertThat(hit.code()).isEqualTo("T-SCRIPT");
		assertThat(hit.title()).isEqualTo("<script>alert(1)</script> 測試");
		assertThat(hit.snippetHtml()).contains("&lt;b&gt;粗體&lt;/b&gt;").contains("<mark>測試</mark>")
			.doesNotContain("<b>");
		SearchHit english = index.search(SearchRequest.of("customs", Language.EN)).hits().get(0);
		assertThat(english.snippetHtml()).contains("<mark>customs</mark>");
	}

	@Test
	void facetsCountAndFilter() {
		SearchResults all = index.search(SearchRequest.of("申報 號牌", Language.EN));
		assertThat(all.facets().get(SearchFacets.DOMAIN)).extracting(SearchResults.FacetCount::value)
			.contains("CUSTOMS", "TRAFFIC_POLICE");
		SearchResults filtered = index.search(new SearchRequest("申報 號牌", Language.EN,
				Map.of(SearchFacets.DOMAIN, "CUSTOMS"), 0, 10));
		assertThat(filtered.hits()).extracting(SearchHit::code).containsExactly("T-CUSTOMS");
	}

	@Test
	void luceneSyntaxIsJustTextAndBadInputIsAProblem() {
		assertThat(index.search(SearchRequest.of("title:* OR (海關 AND \"申報", Language.EN)).hits())
			.extracting(SearchHit::code).first().isEqualTo("T-CUSTOMS");
		assertThat(index.search(SearchRequest.of("*?~^", Language.EN)).total()).isZero();
		assertThatThrownBy(() -> index.search(SearchRequest.of("   ", Language.EN))).isInstanceOf(Problem.class);
		assertThatThrownBy(() -> index.search(SearchRequest.of("a".repeat(201), Language.EN))).isInstanceOf(Problem.class);
	}

	@Test
	void noResultOffersTheClosest() {
		SearchResults results = index.search(SearchRequest.of("海鮮", Language.ZH_HANT));
		assertThat(results.total()).isZero();
		assertThat(results.closest()).extracting(SearchHit::code).contains("T-CUSTOMS");
	}

	@Test
	void suggestionsCompleteWhatIsTyped() {
		assertThat(index.suggest("regist", Language.EN, 5)).extracting(SearchHit::code).contains("T-COMPANY");
		assertThat(index.suggest("納稅人識", Language.ZH_HANT, 5)).extracting(SearchHit::code).first().isEqualTo("T-TAXID");
	}

}
