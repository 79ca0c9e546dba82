package org.hetao.estation.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work of a second or more at start-up done on a thread of its own while the rest of the context is made (the
 * policy rules' compilation, the catalogue's load), and waiting for it: whoever needs the result, and the end of the
 * singletons, {@link #await} it, which throws what stopped the work as it was thrown (a broken file still stops the
 * start with its own message). docs/CONVENTIONS.md, "Spring configuration".
 */
public final class StartupWork {

	private StartupWork() {
	}

	/** Starts {@code work} on a daemon thread named {@code name}; the future completes with its result or failure. */
	public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
		CompletableFuture<T> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				result.complete(work.get());
			}
			catch (Throwable e) {
				result.completeExceptionally(e);
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
		return result;
	}

	/** The work's result once it is done, or what stopped it, unwrapped. */
	public static <T> T await(CompletableFuture<T> work) {
		try {
			return work.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (e.getCause() instanceof Error error) {
				throw error;
			}
			throw e;
		}
	}

}
