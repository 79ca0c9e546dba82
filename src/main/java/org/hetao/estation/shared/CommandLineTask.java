package org.hetao.estation.shared;

import java.util.function.ToIntFunction;

import org.springframework.boot.ApplicationArguments;

/**
 * A task run from the command line instead of serving: {@code java -jar estation.jar --<option>}. Declare one as a
 * bean (one {@code @Bean} method with {@link #of}); the portal runs the one whose option is given once the application
 * has started, and the process exits with the code it returns.
 */
public interface CommandLineTask {

	/** The option that asks for the task, without its dashes: {@code audit-verify}. */
	String option();

	/** Runs the task with the command line's other options; the process's exit code (0 when all went well). */
	int run(ApplicationArguments args);

	/** The task asked for by {@code --<option>}, that runs {@code task} and exits with what it answers. */
	static CommandLineTask of(String option, ToIntFunction<ApplicationArguments> task) {
		return new Of(option, task);
	}

	/** A task made of its option and what it runs. */
	record Of(String option, ToIntFunction<ApplicationArguments> task) implements CommandLineTask {

		@Override
		public int run(ApplicationArguments args) {
			return task.applyAsInt(args);
		}

	}

}
