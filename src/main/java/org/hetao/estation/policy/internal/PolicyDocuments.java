package org.hetao.estation.policy.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hetao.estation.policy.FaqPublished;
import org.hetao.estation.policy.Policy;
import org.hetao.estation.search.SearchContributor;
import org.hetao.estation.search.SearchDocument;
import org.hetao.estation.search.SearchFacets;
import org.hetao.estation.search.SearchIndexer;
import org.hetao.estation.search.SearchSupplement;
import org.hetao.estation.search.SearchType;
import org.hetao.estation.shared.LocalizedText;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Policies and published FAQ answers for search: the policies are documents of their own, an FAQ
 * answer is indexed with its item or policy. Re-indexes the subject when an answer is published.
 */
@Component
class PolicyDocuments implements SearchContributor {

	private final PolicyLibrary library;

	private final Consultations consultations;

	private final SearchIndexer indexer;

	PolicyDocuments(PolicyLibrary library, Consultations consultations, SearchIndexer indexer) {
		this.library = library;
		this.consultations = consultations;
		this.indexer = indexer;
	}

	@Override
	public List<SearchDocument> documents() {
		return library.all().stream().map(PolicyDocuments::document).toList();
	}

	static SearchDocument document(Policy policy) {
		LocalizedText body = LocalizedText.of(policy.summary().zhHant() + " " + policy.benefits().zhHant(),
				policy.summary().zhHans() + " " + policy.benefits().zhHans(),
				policy.summary().en() + " " + policy.benefits().en());
		LocalizedText keywords = LocalizedText.of(
				policy.issuingBody().zhHant() + "；" + join(policy, LocalizedText::zhHant),
				policy.issuingBody().zhHans() + "；" + join(policy, LocalizedText::zhHans),
				policy.issuingBody().en() + "; " + join(policy, LocalizedText::en));
		return new SearchDocument(SearchType.POLICY, policy.code(), policy.title(), body, keywords,
				"/policies/" + policy.code(),
				Map.of(SearchFacets.DEPARTMENT, List.of(policy.departmentCode())));
	}

	private static String join(Policy policy, java.util.function.Function<LocalizedText, String> language) {
		return policy.conditions().stream().map(c -> language.apply(c.description())).collect(Collectors.joining("；"));
	}

	@Override
	public List<SearchSupplement> supplements() {
		return consultations.publishedFaqs().stream()
			.map(c -> {
				String text = c.question() + "\n" + c.answer();
				return new SearchSupplement(SearchType.valueOf(c.subjectType()), c.subjectCode(),
						LocalizedText.of(text, text, text));
			})
			.toList();
	}

	// After the commit, on another thread, kept in the event publication registry until done; with no transaction
	// of its own: an index update can wait for the index (a first start builds it after readiness), and a
	// transaction held meanwhile kept a pooled connection idle for all that time.
	@Async
	@TransactionalEventListener
	void on(FaqPublished event) {
		indexer.refresh(SearchType.valueOf(event.subjectType()), event.subjectCode());
	}

}
