package org.hetao.estation.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.hetao.estation.search.SearchDocument;
import org.hetao.estation.search.SearchHit;
import org.hetao.estation.search.SearchRequest;
import org.hetao.estation.search.SearchType;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LocalizedText;
import org.junit.jupiter.api.Test;

/**
 * How a whole question is read (the phrases that frame it, whether it asks what to do, its place names)
 * and what that does to the ranking; the goal words' one-way rules.
 */
class QuestionWordsTests {

	static final OpenCcConverter CONVERTER = OpenCcConverter.hk2s();

	static final UnaryOperator<String> NORMALIZER = s -> Synonyms.basicNormalize(CONVERTER.convert(s));

	static final Synonyms SYNONYMS = Synonyms.load(List.of("/search/synonyms.txt", "/search/goal-words.txt"),
			NORMALIZER);

	static final QuestionWords QUESTION_WORDS = QuestionWords.load("/search/question-words.txt", NORMALIZER);

	static final SearchQueries QUERIES = new SearchQueries(new SearchAnalyzers(CONVERTER, false), SYNONYMS,
			QUESTION_WORDS);

	static QuestionWords.Reading read(String query) {
		String normalized = QUERIES.normalize(query);
		return QUESTION_WORDS.read(normalized, SYNONYMS.known(normalized));
	}

	@Test
	void theScaffoldingOfAQuestionIsLeftOutInEachScript() {
		QuestionWords.Reading cantonese = read("我想租人才公寓，點樣申請？");
		assertThat(cantonese.text()).isEqualTo(QUERIES.normalize("租人才公寓，申請？"));
		assertThat(cantonese.question()).isTrue();
		assertThat(cantonese.whatToDo()).isTrue();
		assertThat(read("创业担保贷款怎么申请？").text()).isEqualTo("创业担保贷款?");
		QuestionWords.Reading english = read("how do i regster a compny in hetao");
		assertThat(english.text()).isEqualTo("regster a compny in hetao");
		assertThat(english.whatToDo()).isTrue();
	}

	@Test
	void aParticleInsideAWordClosesUpAndOverlappingPhrasesAreAllTakenOut() {
		// 咗 is cut out of 受咗傷 and 受傷 is left; 需要什么 and 什么材料 overlap
		assertThat(read("喺深圳返工受咗傷，點樣申請工傷？").text()).isEqualTo(QUERIES.normalize("深圳返工受傷，申請工傷？"));
		assertThat(read("注册公司需要什么材料").text()).isEqualTo("注册公司");
	}

	@Test
	void aQuestionThatOnlyAsksWhetherSomethingExistsIsNotAfterAnItem() {
		QuestionWords.Reading reading = read("科技公司寫字樓租金有冇補貼？");
		assertThat(reading.question()).isTrue();
		assertThat(reading.whatToDo()).isFalse();
	}

	@Test
	void wordsTheSynonymFilesKnowAndLatinWordsThatOnlyContainAPhraseAreKept() {
		// 唔見咗 means lost (synonyms.txt): its 咗 is no particle here
		QuestionWords.Reading lost = read("回鄉證唔見咗");
		assertThat(lost.text()).isEqualTo(QUERIES.normalize("回鄉證唔見咗"));
		assertThat(lost.question()).isFalse();
		// "i" and "my" are whole words only
		assertThat(read("myself immigration visa").question()).isFalse();
	}

	@Test
	void keywordsAreSearchedAsTypedAndAQuestionOfNothingButScaffoldingToo() {
		QuestionWords.Reading keywords = read("回鄉證 換證");
		assertThat(keywords.text()).isEqualTo(QUERIES.normalize("回鄉證 換證"));
		assertThat(keywords.question()).isFalse();
		QuestionWords.Reading nothingElse = read("點樣？");
		assertThat(nothingElse.text()).isEqualTo(QUERIES.normalize("點樣？"));
		assertThat(nothingElse.whatToDo()).isTrue();
	}

	@Test
	void aQuestionsPlaceNamesWeighLittleAndAKeywordsDoNot() {
		assertThat(QUERIES.analyse(QUERIES.normalize("香港公司想喺深圳開分公司，要點辦？")).light()).contains("香港", "深圳");
		assertThat(QUERIES.analyse(QUERIES.normalize("can hong kong people open a bank account")).light())
			.contains("hong", "kong");
		assertThat(QUERIES.analyse(QUERIES.normalize("香港公司 深圳")).light()).isEmpty();
	}

	@Test
	void theDataFileIsCheckedForItsSections() {
		assertThatThrownBy(() -> QuestionWords.parse("點樣", NORMALIZER)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> QuestionWords.parse("[questions]\n點樣", NORMALIZER))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(QuestionWords.parse("[places]\n香港", NORMALIZER).places()).containsExactly("香港");
	}

	@Test
	void aGoalWordFindsTheOfficialWordsOneWay() {
		Synonyms rules = Synonyms.parse("返工, 上班 => 就業\n", NORMALIZER);
		// a document that holds the official word is indexed with the everyday ones
		assertThat(rules.expansions("港澳居民就业登记")).containsExactly("返工", "上班");
		// not the other way round
		assertThat(rules.expansions("返工")).isEmpty();
		assertThat(rules.variants("返工", 10)).containsExactly(" 就业 ");
		assertThat(rules.variants("就业", 10)).isEmpty();
		assertThat(rules.known("我返工")).singleElement().satisfies(span -> assertThat(span).containsExactly(1, 3));
	}

	@Test
	void wordsInAGroupAndInARuleMatchForBoth() {
		Synonyms both = Synonyms.parse("返工, 工作\n返工 => 就業\n", NORMALIZER);
		assertThat(both.variants("返工", 10)).containsExactlyInAnyOrder(" 工作 ", " 就业 ");
	}

	static SearchDocument doc(SearchType type, String code, String title, String body) {
		return new SearchDocument(type, code, LocalizedText.of(title, title, title), LocalizedText.of(body, body, body), null,
				"/" + code, Map.of());
	}

	static final List<SearchDocument> DOCS = List.of(
			doc(SearchType.ORGANISATION, "ORG", "香港公司服務中心", "協助香港公司在深圳開設分公司的服務中心。"),
			doc(SearchType.POLICY, "POL", "港資企業落戶資助", "香港公司在深圳設立分公司或子公司，可獲落戶資助。"),
			doc(SearchType.ITEM, "ITEM", "企業分支機構設立登記", "公司在合作區開設分支機構，辦理設立登記，領取營業執照。"),
			doc(SearchType.ITEM, "OTHER", "出入境記錄查詢", "查詢本人出入境記錄。"));

	/** Unweighted, the organisation would be first: it names Hong Kong, Shenzhen and branches more often. */
	@Test
	void aQuestionThatAsksWhatToDoPutsTheItemFirstWithoutHidingTheOthers() throws Exception {
		try (LuceneSearchIndex index = new LuceneSearchIndex(new ByteBuffersDirectory(), CONVERTER, SYNONYMS,
				QUESTION_WORDS, List::of)) {
			index.addAll(DOCS);
			List<SearchHit> question = index
				.search(SearchRequest.of("香港公司想喺深圳開分公司，要點辦？", Language.ZH_HANT)).hits();
			assertThat(question).extracting(SearchHit::code).first().isEqualTo("ITEM");
			assertThat(question).extracting(SearchHit::code).contains("ORG", "POL");
			// the same words as keywords: not a question, so the organisation that matches them best is first
			List<SearchHit> keywords = index.search(SearchRequest.of("香港 深圳 分公司", Language.ZH_HANT)).hits();
			assertThat(keywords).extracting(SearchHit::code).first().isEqualTo("ORG");
		}
	}

}
