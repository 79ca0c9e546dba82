package org.hetao.estation.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * Signs PDFs with the platform's key (a detached CMS SignedData, {@code adbe.pkcs7.detached}) and checks
 * such signatures: exactly one signature, covering the whole file but its own contents, made by the
 * platform's certificate, and mathematically valid over the signed bytes.
 */
@Component
class PdfSignatures {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PdfSignatures.class);

	private final SigningKey key;

	PdfSignatures(SigningKey key) {
		this.key = key;
	}

	byte[] sign(byte[] pdf, String name, String reason, Calendar at) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
			signature.setName(name);
			signature.setReason(reason);
			signature.setSignDate(at);
			document.addSignature(signature);
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16_384);
			ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
			try (InputStream content = external.getContent()) {
				external.setSignature(cms(content.readAllBytes()));
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not sign the PDF", e);
		}
	}

	private byte[] cms(byte[] content) {
		try {
			X509Certificate certificate = key.certificate();
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
				.build(new JcaContentSignerBuilder(key.signatureAlgorithm()).build(key.privateKey()), certificate));
			generator.addCertificates(new JcaCertStore(List.of(certificate)));
			return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
		}
		catch (Exception e) {
			throw new IllegalStateException("Could not make the CMS signature", e);
		}
	}

	/** Whether {@code pdf} carries one valid platform signature over all of its bytes. Never throws. */
	boolean verify(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDSignature> signatures = document.getSignatureDictionaries();
			if (signatures.size() != 1) {
				return false;
			}
			PDSignature signature = signatures.get(0);
			int[] range = signature.getByteRange();
			if (range == null || range.length != 4 || range[0] != 0 || (long) range[2] + range[3] != pdf.length) {
				return false;
			}
			CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
					new java.io.ByteArrayInputStream(signature.getContents(pdf)));
			X509Certificate platform = key.certificate();
			X509CertificateHolder platformHolder = new X509CertificateHolder(platform.getEncoded());
			var signers = signed.getSignerInfos().getSigners();
			if (signers.size() != 1) {
				return false;
			}
			// the one certificate it carries must be the platform's, byte for byte: a changed byte anywhere in
			// the signature is then detected, not only in the parts the signature covers
			var carried = signed.getCertificates().getMatches(null);
			if (carried.size() != 1 || !java.util.Arrays.equals(carried.iterator().next().getEncoded(),
					platformHolder.getEncoded())) {
				return false;
			}
			SignerInformation signer = signers.iterator().next();
			return signer.getSID().match(platformHolder)
					&& signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(platform));
		}
		catch (Exception e) {
			log.debug("Signature check failed: {}", e.toString());
			return false;
		}
	}

}
