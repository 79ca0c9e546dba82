package org.hetao.estation.documents;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored document as a download, the same wherever it is handed out: its own type and length, saved under its
 * original name (UTF-8), never sniffed into something the browser would run.
 */
public final class DocumentDownload {

	private DocumentDownload() {
	}

	/** The answer's head; the caller may add a header, then {@link #body(ResponseEntity.BodyBuilder, InputStream)}. */
	public static ResponseEntity.BodyBuilder of(DocumentInfo document) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.contentType()))
			.contentLength(document.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(document.originalName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff");
	}

	/** The document's content as the answer's body. */
	public static ResponseEntity<InputStreamResource> body(ResponseEntity.BodyBuilder head, InputStream content) {
		return head.body(new InputStreamResource(content));
	}

}
