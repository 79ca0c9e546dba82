package org.hetao.estation.bench;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A lean HTTP/1.1 client on one kept-alive {@link Socket}, for the measures where the load driver's own CPU
 * counts (a 2-core machine shares it with the application): it writes the request's bytes, reads the status
 * line and the headers, and reads and discards the body (by {@code Content-Length}, by chunks, or up to the
 * end of the connection), without building strings or objects for it. When the server says
 * {@code Connection: close} (Tomcat does after 100 requests on one connection) the next request opens a new
 * connection; when a kept-alive connection turns out to have been closed by the server before anything of
 * the answer arrived, the GET is sent once more on a new connection, as browsers do. Not thread-safe: one
 * connection, one user.
 */
public final class RawHttp implements Closeable {

	private static final int CONNECT_TIMEOUT_MS = 10_000;

	private final String host;

	private final int port;

	private final String hostHeader;

	private final int readTimeoutMs;

	private final byte[] buffer = new byte[64 * 1024];

	private final StringBuilder line = new StringBuilder(256);

	private int position;

	private int limit;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private boolean answerStarted;

	private long connects;

	private long lastBodyBytes;

	/** A client of {@code http://host:port} (a path in the URL is ignored), with a 30-second read timeout. */
	public RawHttp(String baseUrl) {
		this(baseUrl, 30_000);
	}

	public RawHttp(String baseUrl, int readTimeoutMs) {
		URI uri = URI.create(baseUrl);
		if (!"http".equalsIgnoreCase(uri.getScheme())) {
			throw new IllegalArgumentException("plain http only: " + baseUrl);
		}
		this.host = uri.getHost();
		this.port = uri.getPort() < 0 ? 80 : uri.getPort();
		this.hostHeader = uri.getPort() < 0 ? host : host + ":" + port;
		this.readTimeoutMs = readTimeoutMs;
	}

	/**
	 * The bytes of a GET of {@code target} (a path with its query, already URL-encoded, ASCII), with the given
	 * extra header lines (each ending in CRLF; none when null), to be sent with {@link #exchange(byte[])}.
	 */
	public byte[] request(String target, String extraHeaders) {
		return ("GET " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAccept: */*\r\nUser-Agent: estation-bench\r\n"
				+ (extraHeaders == null ? "" : extraHeaders) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
	}

	/** Sends a GET of {@code target} and reads its answer (body discarded): the status code. */
	public int get(String target) throws IOException {
		return exchange(request(target, null));
	}

	/** Sends one request (bytes as {@link #request(String, String)} makes them), reads the whole answer: its status code. */
	public int exchange(byte[] request) throws IOException {
		boolean reused = socket != null;
		if (!reused) {
			connect();
		}
		try {
			return send(request);
		}
		catch (SocketTimeoutException ex) {
			closeQuietly();
			throw ex;
		}
		catch (IOException ex) {
			closeQuietly();
			if (!reused || answerStarted) {
				throw ex;
			}
			// the server had closed the idle kept-alive connection: the GET was never answered, send it again
			connect();
			try {
				return send(request);
			}
			catch (IOException again) {
				closeQuietly();
				throw again;
			}
		}
	}

	/** Connections opened so far (the first one, and one after each close). */
	public long connects() {
		return connects;
	}

	/** The length of the last answer's body, as read and discarded. */
	public long lastBodyBytes() {
		return lastBodyBytes;
	}

	private void connect() throws IOException {
		Socket s = new Socket();
		try {
			s.setTcpNoDelay(true);
			s.setSoTimeout(readTimeoutMs);
			s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
			socket = s;
			in = s.getInputStream();
			out = s.getOutputStream();
			position = 0;
			limit = 0;
			connects++;
		}
		catch (IOException ex) {
			s.close();
			throw ex;
		}
	}

	private int send(byte[] request) throws IOException {
		answerStarted = false;
		out.write(request);
		out.flush();
		int status;
		boolean close;
		do {
			String statusLine = readLine();
			// HTTP/1.1 200 OK
			if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
				throw new IOException("not an HTTP/1.x status line: " + statusLine);
			}
			status = Integer.parseInt(statusLine.substring(9, 12));
			close = statusLine.charAt(7) == '0';
			long length = -1;
			boolean chunked = false;
			for (String header = readLine(); !header.isEmpty(); header = readLine()) {
				int colon = header.indexOf(':');
				if (colon <= 0) {
					continue;
				}
				String value = header.substring(colon + 1).trim();
				if (colon == 14 && header.regionMatches(true, 0, "Content-Length", 0, 14)) {
					length = Long.parseLong(value);
				}
				else if (colon == 17 && header.regionMatches(true, 0, "Transfer-Encoding", 0, 17)) {
					chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				}
				else if (colon == 10 && header.regionMatches(true, 0, "Connection", 0, 10)) {
					String v = value.toLowerCase(Locale.ROOT);
					if (v.contains("close")) {
						close = true;
					}
					else if (v.contains("keep-alive")) {
						close = false;
					}
				}
			}
			if (status / 100 == 1 || status == 204 || status == 304) {
				lastBodyBytes = 0;
			}
			else if (chunked) {
				lastBodyBytes = skipChunks();
			}
			else if (length >= 0) {
				skip(length);
				lastBodyBytes = length;
			}
			else {
				lastBodyBytes = skipToEnd();
				close = true;
			}
		}
		while (status / 100 == 1 && status != 101);
		if (close) {
			closeQuietly();
		}
		return status;
	}

	private long skipChunks() throws IOException {
		long total = 0;
		while (true) {
			String sizeLine = readLine();
			int semi = sizeLine.indexOf(';');
			long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
			if (size == 0) {
				break;
			}
			skip(size);
			total += size;
			if (!readLine().isEmpty()) {
				throw new IOException("a chunk does not end with CRLF");
			}
		}
		// trailers, up to the empty line
		while (!readLine().isEmpty()) {
			// discarded
		}
		return total;
	}

	private void skip(long n) throws IOException {
		while (n > 0) {
			if (position == limit) {
				fill();
			}
			int k = (int) Math.min(n, limit - position);
			position += k;
			n -= k;
		}
	}

	private long skipToEnd() throws IOException {
		long total = limit - position;
		position = limit;
		for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
			total += r;
		}
		return total;
	}

	private void fill() throws IOException {
		int r = in.read(buffer);
		if (r < 0) {
			throw new EOFException("the server closed the connection");
		}
		answerStarted = true;
		position = 0;
		limit = r;
	}

	/** A header line without its CRLF (ISO-8859-1, as header bytes are). */
	private String readLine() throws IOException {
		line.setLength(0);
		while (true) {
			if (position == limit) {
				fill();
			}
			int c = buffer[position++] & 0xff;
			if (c == '\n') {
				int n = line.length();
				if (n > 0 && line.charAt(n - 1) == '\r') {
					line.setLength(n - 1);
				}
				return line.toString();
			}
			line.append((char) c);
		}
	}

	private void closeQuietly() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
		}
		socket = null;
		in = null;
		out = null;
		position = 0;
		limit = 0;
	}

	@Override
	public void close() {
		closeQuietly();
	}

}
