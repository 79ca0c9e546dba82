package org.hetao.estation.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import tools.jackson.databind.ObjectMapper;

/**
 * An e-certificate is issued after the decision commits, on the rendering threads, and is rendered and
 * signed with no transaction open (so no database connection is held while the CPU works); only its insert
 * is a transaction. The font is parsed once and reused by the documents that follow.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CertificateIssuingIntegrationTests {

	/** What rendering saw: the thread's name and whether a transaction was open. */
	record Seen(String thread, boolean inTransaction) {
	}

	static final List<Seen> RENDERED = new CopyOnWriteArrayList<>();

	static final List<Seen> ISSUED = new CopyOnWriteArrayList<>();

	@TestConfiguration
	static class Watch {

		@Bean
		Object certificateIssuedWatcher() {
			return new Object() {
				@EventListener
				void on(CertificateIssued issued) {
					ISSUED.add(new Seen(Thread.currentThread().getName(),
							TransactionSynchronizationManager.isActualTransactionActive()));
				}
			};
		}

	}

	@MockitoSpyBean
	PdfDocuments pdfs;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	CjkFont font;

	@Test
	void renderedOnTheRenderingThreadsWithNoTransactionOpen() throws Exception {
		doAnswer(call -> {
			RENDERED.add(new Seen(Thread.currentThread().getName(),
					TransactionSynchronizationManager.isActualTransactionActive()));
			return call.callRealMethod();
		}).when(pdfs).certificate(anyString(), anyString(), anyString(), anyString(), anyMap(), any(), any());
		CaseFixtures cases = new CaseFixtures(mvc, accounts, documents, jdbc, json);
		EstationUser holder = cases.applicant(Language.ZH_HANT);
		String number = cases.approve(cases.taskId(holder, cases.submit(holder)));

		assertThat(number).isNotBlank();
		assertThat(RENDERED).isNotEmpty().allSatisfy(seen -> {
			assertThat(seen.thread()).startsWith("certificate-");
			assertThat(seen.inTransaction()).isFalse();
		});
		// the insert, and the event other modules react to, are in a transaction of their own
		assertThat(ISSUED).isNotEmpty().allSatisfy(seen -> {
			assertThat(seen.thread()).startsWith("certificate-");
			assertThat(seen.inTransaction()).isTrue();
		});
	}

	@Test
	void theFontIsParsedOnceAndEachDocumentHasAFaceOfItsOwn() throws Exception {
		CjkFont.Face first = font.borrow();
		CjkFont.Face meanwhile = font.borrow();
		assertThat(meanwhile).as("two documents at once: two faces").isNotSameAs(first);
		font.release(first);
		font.release(meanwhile);
		CjkFont.Face next = font.borrow();
		assertThat(next).as("a face given back is used again").isIn(first, meanwhile);
		font.release(next);
	}

}
