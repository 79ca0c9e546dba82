package org.hetao.estation.documents;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Optional virus scan through a clamd daemon ({@code estation.documents.clamd.host}/{@code .port}), with its
 * {@code INSTREAM} command: the bytes go in chunks, each prefixed by its length, then a zero length; clamd
 * answers {@code stream: OK} or {@code stream: <signature> FOUND}. Without a host nothing is scanned.
 */
@Component
public class VirusScanner {

	/** The outcome of a scan, as recorded with the document. */
	public enum Status {
		CLEAN, INFECTED, NOT_SCANNED
	}

	/** @param signature the virus name clamd reported, {@code null} unless infected */
	public record Verdict(Status status, String signature) {
	}

	private static final int CHUNK = 64 * 1024;

	private final String host;

	private final int port;

	private final Duration timeout;

	VirusScanner(@Value("${estation.documents.clamd.host:}") String host,
			@Value("${estation.documents.clamd.port:3310}") int port,
			@Value("${estation.documents.clamd.timeout:PT30S}") Duration timeout) {
		this.host = host == null ? "" : host.strip();
		this.port = port;
		this.timeout = timeout;
	}

	public boolean enabled() {
		return !host.isEmpty();
	}

	/**
	 * Scans the content when a clamd is configured.
	 *
	 * @throws IOException when clamd is configured but cannot be reached or gives an unexpected answer
	 */
	public Verdict scan(byte[] content) throws IOException {
		if (!enabled()) {
			return new Verdict(Status.NOT_SCANNED, null);
		}
		try (Socket socket = new Socket()) {
			int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
			socket.connect(new InetSocketAddress(host, port), millis);
			socket.setSoTimeout(millis);
			OutputStream raw = socket.getOutputStream();
			DataOutputStream out = new DataOutputStream(raw);
			out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
			for (int at = 0; at < content.length; at += CHUNK) {
				int length = Math.min(CHUNK, content.length - at);
				out.writeInt(length);
				out.write(content, at, length);
			}
			out.writeInt(0);
			out.flush();
			return verdict(readReply(socket.getInputStream()));
		}
	}

	static Verdict verdict(String reply) throws IOException {
		String answer = reply.strip();
		if (answer.endsWith("OK") && !answer.contains("FOUND")) {
			return new Verdict(Status.CLEAN, null);
		}
		if (answer.endsWith("FOUND")) {
			String body = answer.substring(0, answer.length() - "FOUND".length()).strip();
			int colon = body.indexOf(':');
			String signature = (colon >= 0 ? body.substring(colon + 1) : body).strip();
			return new Verdict(Status.INFECTED, signature.length() > 200 ? signature.substring(0, 200) : signature);
		}
		throw new IOException("Unexpected answer from clamd: " + (answer.length() > 200 ? answer.substring(0, 200) : answer));
	}

	private static String readReply(InputStream in) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1 && b != 0 && b != '\n') {
			if (reply.size() < 4096) {
				reply.write(b);
			}
		}
		return reply.toString(StandardCharsets.UTF_8);
	}

}
