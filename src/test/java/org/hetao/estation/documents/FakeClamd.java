package org.hetao.estation.documents;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny clamd for tests: speaks INSTREAM and finds the EICAR test string, nothing else. */
final class FakeClamd implements AutoCloseable {

	static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

	private final ServerSocket server;

	/** What each scan received: the command and the streamed bytes. */
	final List<String> commands = new CopyOnWriteArrayList<>();

	final List<byte[]> streams = new CopyOnWriteArrayList<>();

	FakeClamd() throws IOException {
		server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread thread = new Thread(this::serve, "fake-clamd");
		thread.setDaemon(true);
		thread.start();
	}

	int port() {
		return server.getLocalPort();
	}

	private void serve() {
		while (!server.isClosed()) {
			try (Socket socket = server.accept()) {
				DataInputStream in = new DataInputStream(socket.getInputStream());
				ByteArrayOutputStream command = new ByteArrayOutputStream();
				int b;
				while ((b = in.read()) > 0) {
					command.write(b);
				}
				commands.add(command.toString(StandardCharsets.US_ASCII));
				ByteArrayOutputStream data = new ByteArrayOutputStream();
				int length;
				while ((length = in.readInt()) > 0) {
					data.write(in.readNBytes(length));
				}
				streams.add(data.toByteArray());
				String text = data.toString(StandardCharsets.ISO_8859_1);
				String answer = text.contains(EICAR) ? "stream: Eicar-Signature FOUND" : "stream: OK";
				OutputStream out = socket.getOutputStream();
				out.write((answer + "\0").getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
			catch (IOException e) {
				// closed or a client went away: keep serving until closed
			}
		}
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
