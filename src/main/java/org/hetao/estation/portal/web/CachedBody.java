package org.hetao.estation.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request with its body already read (by a filter that had to look at it first) and served again: from memory, or
 * the bytes read first and then the rest of the stream. Used by {@link NulCharacterFilter} and {@link JsonBodyLimit}.
 */
final class CachedBody extends HttpServletRequestWrapper {

	private final java.io.InputStream in;

	private final long length;

	private final ServletInputStream stream;

	CachedBody(HttpServletRequest request, java.io.InputStream in, long length) {
		super(request);
		this.in = in;
		this.length = length;
		this.stream = new ServletInputStream() {
			private boolean finished;

			@Override
			public int read() throws IOException {
				int b = CachedBody.this.in.read();
				finished = b < 0;
				return b;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				int n = CachedBody.this.in.read(b, off, len);
				finished = n < 0;
				return n;
			}

			@Override
			public boolean isFinished() {
				return finished;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException();
			}
		};
	}

	@Override
	public ServletInputStream getInputStream() {
		return stream;
	}

	@Override
	public java.io.BufferedReader getReader() {
		String encoding = getCharacterEncoding();
		return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
				encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
	}

	@Override
	public int getContentLength() {
		return (int) length;
	}

	@Override
	public long getContentLengthLong() {
		return length;
	}

}
