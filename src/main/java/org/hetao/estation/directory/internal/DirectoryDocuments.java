package org.hetao.estation.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hetao.estation.directory.Directory;
import org.hetao.estation.directory.Organisation;
import org.hetao.estation.directory.OrganisationChanged;
import org.hetao.estation.search.SearchContributor;
import org.hetao.estation.search.SearchDocument;
import org.hetao.estation.search.SearchFacets;
import org.hetao.estation.search.SearchIndexer;
import org.hetao.estation.search.SearchType;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LocalizedText;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * The directory's organisations for the platform's search (港人地圖 entries are found like items): the
 * name and description, with the kind, research fields and base as extra words in every language.
 * Kept current from {@link OrganisationChanged}.
 */
@Component
class DirectoryDocuments implements SearchContributor {

	private final Directory directory;

	private final SearchIndexer indexer;

	private final MessageSource messages;

	DirectoryDocuments(Directory directory, SearchIndexer indexer, MessageSource messages) {
		this.directory = directory;
		this.indexer = indexer;
		this.messages = messages;
	}

	@Override
	public List<SearchDocument> documents() {
		return directory.all().stream().map(this::document).toList();
	}

	// After the commit, on another thread, kept in the event publication registry until done; with no transaction
	// of its own: an index update can wait for the index (a first start builds it after readiness), and a
	// transaction held meanwhile kept a pooled connection idle for all that time.
	@Async
	@TransactionalEventListener
	void on(OrganisationChanged changed) {
		directory.byCode(changed.code()).ifPresent(o -> indexer.index(document(o)));
	}

	SearchDocument document(Organisation organisation) {
		List<String> keys = new ArrayList<>();
		keys.add(organisation.kind().messageKey());
		organisation.fields().forEach(f -> keys.add(f.messageKey()));
		if (organisation.location() != null && organisation.location().base() != null) {
			keys.add(organisation.location().base().messageKey());
		}
		if (organisation.background() != null) {
			keys.add(organisation.background().messageKey());
		}
		LocalizedText keywords = LocalizedText.of(words(keys, Language.ZH_HANT), words(keys, Language.ZH_HANS),
				words(keys, Language.EN));
		return new SearchDocument(SearchType.ORGANISATION, organisation.code(), organisation.name(),
				organisation.description(), keywords, "/directory/" + organisation.code(),
				Map.of(SearchFacets.KIND, List.of(organisation.kind().name())));
	}

	private String words(List<String> keys, Language language) {
		StringBuilder text = new StringBuilder();
		for (String key : keys) {
			text.append(messages.getMessage(key, null, key, language.locale())).append(' ');
		}
		return text.toString().strip();
	}

}
