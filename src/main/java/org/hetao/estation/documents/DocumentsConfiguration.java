package org.hetao.estation.documents;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

	/** The local folder, unless the deployment declares another store. */
	@Bean
	@ConditionalOnMissingBean(DocumentStore.class)
	DocumentStore localFolderDocumentStore(@Value("${estation.storage.root:./data/storage}") Path root) {
		return new LocalFolderDocumentStore(root.resolve("documents"));
	}

}
