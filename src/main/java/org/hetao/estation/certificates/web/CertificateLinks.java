package org.hetao.estation.certificates.web;

import java.util.ArrayList;
import java.util.List;

import org.hetao.estation.certificates.CertificateStatus;
import org.hetao.estation.certificates.Certificates;
import org.hetao.estation.certificates.DocumentKind;
import org.hetao.estation.identity.CurrentUser;
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

	CertificateLinks(Certificates certificates) {
		this.certificates = certificates;
	}

	public List<Link> of(String receiptNumber) {
		var user = CurrentUser.get();
		if (user.isEmpty() || receiptNumber == null) {
			return List.of();
		}
		List<Link> links = new ArrayList<>();
		for (DocumentKind kind : certificates.noticesOf(user.get(), receiptNumber)) {
			links.add(new Link("/certificates/documents/" + receiptNumber + "/" + kind.slug() + ".pdf", kind.messageKey(),
					null, false));
		}
		for (var c : certificates.ofCase(user.get(), receiptNumber)) {
			links.add(new Link("/certificates/" + c.number(), "certificates.documents.certificate", c.number(),
					c.status() == CertificateStatus.REVOKED));
		}
		return links;
	}

}
