package org.hetao.estation.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain TCP proxy (two threads per connection) between the application and PostgreSQL. {@link #cut()} is a
 * database outage as the application sees it: every proxied connection is closed and new ones are refused
 * (the listening socket is closed); {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	public TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.port = AppProcess.freePort();
		restore();
	}

	public int port() {
		return port;
	}

	public synchronized void restore() {
		if (server != null) {
			return;
		}
		try {
			ServerSocket s = new ServerSocket();
			s.setReuseAddress(true);
			s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			server = s;
			Thread accept = new Thread(() -> accept(s), "proxy-accept-" + port);
			accept.setDaemon(true);
			accept.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public synchronized void cut() {
		ServerSocket s = server;
		server = null;
		closeQuietly(s);
		sockets.forEach(TcpProxy::closeQuietly);
		sockets.clear();
	}

	public int openConnections() {
		return sockets.size() / 2;
	}

	@Override
	public void close() {
		cut();
	}

	private void accept(ServerSocket s) {
		while (!s.isClosed()) {
			try {
				Socket client = s.accept();
				Socket upstream;
				try {
					upstream = new Socket(targetHost, targetPort);
				}
				catch (IOException ex) {
					closeQuietly(client);
					continue;
				}
				client.setTcpNoDelay(true);
				upstream.setTcpNoDelay(true);
				sockets.add(client);
				sockets.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// closed: the outage began
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread t = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException ex) {
				// either side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				sockets.remove(from);
				sockets.remove(to);
			}
		}, "proxy-pump");
		t.setDaemon(true);
		t.start();
	}

	private static void closeQuietly(java.io.Closeable c) {
		if (c != null) {
			try {
				c.close();
			}
			catch (IOException ex) {
				// nothing to do
			}
		}
	}

}
