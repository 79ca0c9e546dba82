package org.hetao.estation.shared;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Beans of another module that a bean takes through an {@link ObjectProvider} (to break a cycle, or because they may
 * be absent), looked up once, at their first use, and then kept. Asking the provider itself on every call resolves
 * the dependency anew each time: the bean factory matches every bean's type and qualifiers, several microseconds a
 * call, which a page or a case step paid two or three times (2–3% of a work-queue page's CPU, JFR, session 16).
 * The singletons of a context do not change once it is refreshed, so the first answer stays right.
 */
public final class LateBeans {

	private LateBeans() {
	}

	/** The one bean of the provider's type, or {@code otherwise} if there is none. */
	public static <T> Supplier<T> one(ObjectProvider<T> provider, Supplier<T> otherwise) {
		return SingletonSupplier.of(() -> provider.getIfAvailable(otherwise));
	}

	/** The one bean of the provider's type, if there is one. */
	public static <T> Supplier<Optional<T>> optional(ObjectProvider<T> provider) {
		return SingletonSupplier.of(() -> Optional.ofNullable(provider.getIfAvailable()));
	}

	/** Every bean of the provider's type, in the order {@link ObjectProvider#stream()} gives them. */
	public static <T> Supplier<List<T>> all(ObjectProvider<T> provider) {
		return SingletonSupplier.of(() -> provider.stream().toList());
	}

}
