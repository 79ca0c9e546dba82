package org.hetao.estation.search.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.hetao.estation.search.SearchContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The index on disk under {@code estation.search.index-dir}, the converter, and the data files of words:
 * synonyms, goal words and question words.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

	@Bean
	OpenCcConverter openCcConverter() {
		return OpenCcConverter.hk2s();
	}

	/** The synonym groups and the goal words (everyday words for what people want, to the official ones). */
	@Bean
	Synonyms searchSynonyms(OpenCcConverter converter) {
		return Synonyms.load(List.of("/search/synonyms.txt", "/search/goal-words.txt"),
				s -> Synonyms.basicNormalize(converter.convert(s)));
	}

	@Bean
	QuestionWords searchQuestionWords(OpenCcConverter converter) {
		return QuestionWords.load("/search/question-words.txt", s -> Synonyms.basicNormalize(converter.convert(s)));
	}

	@Bean(destroyMethod = "close")
	LuceneSearchIndex luceneSearchIndex(@Value("${estation.search.index-dir}") Path indexDir, OpenCcConverter converter,
			Synonyms synonyms, QuestionWords questionWords, ObjectProvider<SearchContributor> contributors)
			throws IOException {
		Files.createDirectories(indexDir);
		try {
			return new LuceneSearchIndex(FSDirectory.open(indexDir), converter, synonyms, questionWords,
					() -> contributors.orderedStream().toList());
		}
		catch (LockObtainFailedException ex) {
			// Another instance in this JVM (a second test context) holds the index: work on a private copy.
			Path own = indexDir.resolveSibling(indexDir.getFileName() + "-" + UUID.randomUUID());
			log.warn("Search index {} is locked by another instance; using {}", indexDir, own);
			Directory directory = FSDirectory.open(Files.createDirectories(own));
			return new LuceneSearchIndex(directory, converter, synonyms, questionWords,
					() -> contributors.orderedStream().toList());
		}
	}

}
