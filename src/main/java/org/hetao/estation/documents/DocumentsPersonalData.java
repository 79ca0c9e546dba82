package org.hetao.estation.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.shared.PersonalDataCipher;
import org.hetao.estation.shared.PersonalDataContributor;
import org.hetao.estation.shared.ReEncryptable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Uploaded documents as personal data: every document store encrypts, the rotation job re-encrypts the
 * files, and the applicant's export and erasure include their documents (those a case must keep, as
 * {@link DocumentRetention} beans say, are kept).
 */
@Configuration(proxyBeanMethods = false)
class DocumentsPersonalData {

	private static final Logger log = LoggerFactory.getLogger(DocumentsPersonalData.class);

	/** Wraps every {@link DocumentStore} bean, the default local folder or a deployment's own. */
	@Bean
	static BeanPostProcessor encryptDocumentStores(ObjectProvider<PersonalDataCipher> cipher) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DocumentStore store && !(bean instanceof EncryptingDocumentStore)) {
					return new EncryptingDocumentStore(store, cipher.getObject());
				}
				return bean;
			}
		};
	}

	@Bean
	ReEncryptable documentFiles(JdbcClient jdbc, DocumentStore store) {
		return new ReEncryptable() {
			@Override
			public String name() {
				return "document files";
			}

			@Override
			public long reencrypt(PersonalDataCipher with, int batchSize) {
				if (!(store instanceof EncryptingDocumentStore encrypting)) {
					return 0;
				}
				long after = Long.MIN_VALUE;
				long count = 0;
				while (true) {
					List<Object[]> rows = jdbc.sql("select id, storage_key, sha256 from document where id > :a order by id limit :n")
						.param("a", after)
						.param("n", batchSize)
						.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
						.list();
					if (rows.isEmpty()) {
						return count;
					}
					for (Object[] row : rows) {
						after = (long) row[0];
						String key = (String) row[1];
						try {
							byte[] stored = encrypting.readStored(key);
							if (with.isCurrent(stored)) {
								continue;
							}
							byte[] plain = with.decryptBytes(stored, EncryptingDocumentStore.context(key));
							if (!Documents.sha256(plain).equals(row[2])) {
								log.error("Document {} does not match its SHA-256: not re-encrypted", row[0]);
								continue;
							}
							encrypting.writeStored(key, with.encryptBytes(plain, EncryptingDocumentStore.context(key)));
							count++;
						}
						catch (IOException | PersonalDataCipher.DecryptionFailed e) {
							log.error("Cannot re-encrypt document {}: {}", row[0], e.getMessage());
						}
					}
				}
			}
		};
	}

	@Bean
	PersonalDataContributor documentsPersonalDataContributor(Documents documents, JdbcClient jdbc, DocumentStore store,
			List<DocumentRetention> retentions) {
		return new PersonalDataContributor() {
			@Override
			public String section() {
				return "documents";
			}

			@Override
			public Map<String, Object> export(long accountId) {
				Map<String, Object> out = new LinkedHashMap<>();
				out.put("documents", documents.ownedBy(accountId)
					.stream()
					.map(d -> Map.of("id", d.id(), "name", d.originalName(), "contentType", d.contentType(), "sizeBytes",
							d.sizeBytes(), "sha256", d.sha256(), "uploadedAt", d.uploadedAt().toString(), "file",
							"documents/" + d.id() + "-" + d.originalName()))
					.toList());
				return out;
			}

			@Override
			public List<Attachment> attachments(long accountId) {
				return documents.ownedBy(accountId)
					.stream()
					.map(d -> new Attachment("documents/" + d.id() + "-" + d.originalName(), () -> {
						try (var in = documents.open(d)) {
							return in.readAllBytes();
						}
						catch (IOException e) {
							throw new UncheckedIOException(e);
						}
					}))
					.toList();
			}

			@Override
			public List<Outcome> erase(long accountId, Retention retention) {
				int erased = 0;
				int kept = 0;
				for (DocumentInfo d : documents.ownedBy(accountId)) {
					if (retentions.stream().anyMatch(r -> r.retains(d.id()))) {
						kept++;
						continue;
					}
					String key = jdbc.sql("select storage_key from document where id = :id").param("id", d.id()).query(String.class).single();
					jdbc.sql("delete from document where id = :id").param("id", d.id()).update();
					try {
						store.delete(key);
					}
					catch (IOException e) {
						log.warn("Could not delete the file of erased document {}: {}", d.id(), e.getMessage());
					}
					erased++;
				}
				List<Outcome> outcomes = new java.util.ArrayList<>();
				outcomes.add(Outcome.erased("documents", erased));
				if (kept > 0) {
					outcomes.add(Outcome.kept("documentsOfCases", kept, "privacy.reason.documentsOfCases"));
				}
				return outcomes;
			}
		};
	}

}
