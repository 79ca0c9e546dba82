package org.hetao.estation.certificates.web;

import java.util.ArrayList;
import java.util.List;

import org.hetao.estation.certificates.CertificateStatus;
import org.hetao.estation.certificates.Certificates;
import org.hetao.estation.certificates.DocumentKind;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.shared.Language;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The document links of a case for its pages ({@code ${@certificateLinks.of(receipt)}} in
 * {@code certificates/links :: documents}): its notices and its certificates, as the current user may see them.
 */
@Component("certificateLinks")
public class CertificateLinks {

	/** One link: where, its text's message key and argument, and whether it is a revoked certificate. */
	public record Link(String href, String messageKey, String argument, boolean revoked) {
	}

	private final Certificates certificates;

	private final Catalog catalog;

	CertificateLinks(Certificates certificates, Catalog catalog) {
		this.certificates = certificates;
		this.catalog = catalog;
	}

	private static Language language() {
		return Language.of(LocaleContextHolder.getLocale());
	}

	public List<Link> of(String receiptNumber) {
		var user = CurrentUser.get();
		if (user.isEmpty() || receiptNumber == null) {
			return List.of();
		}
		Certificates.CaseDocuments documents = certificates.documentsOf(user.get(), receiptNumber);
		List<Link> links = new ArrayList<>();
		for (DocumentKind kind : documents.notices()) {
			links.add(new Link("/certificates/documents/" + receiptNumber + "/" + kind.slug() + ".pdf", kind.messageKey(),
					null, false));
		}
		for (var c : documents.certificates()) {
			links.add(new Link("/certificates/" + c.number(), "certificates.documents.certificate", c.number(),
					c.status() == CertificateStatus.REVOKED));
		}
		// approved moments ago: the certificate follows within seconds (no link yet)
		for (String itemCode : documents.beingIssued()) {
			links.add(new Link(null, "certificates.documents.beingIssued", catalog.item(itemCode)
				.map(i -> i.name().get(language()))
				.orElse(itemCode), false));
		}
		return links;
	}

}
