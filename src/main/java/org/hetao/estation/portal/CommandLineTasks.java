package org.hetao.estation.portal;

import java.util.List;
import java.util.OptionalInt;

import org.hetao.estation.shared.CommandLineTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link CommandLineTask} the command line asks for ({@code --audit-verify}, {@code --crypto-rotate}) and
 * exits with its code; without one of their options the application serves as usual.
 */
@Component
class CommandLineTasks implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CommandLineTasks.class);

	private final List<CommandLineTask> tasks;

	private final ConfigurableApplicationContext context;

	CommandLineTasks(List<CommandLineTask> tasks, ConfigurableApplicationContext context) {
		this.tasks = tasks;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		OptionalInt code = runAsked(args);
		if (code.isPresent()) {
			System.exit(SpringApplication.exit(context, code::getAsInt));
		}
	}

	/** The exit code of the task the arguments ask for (the first, if several), or empty when they ask for none. */
	OptionalInt runAsked(ApplicationArguments args) {
		for (CommandLineTask task : tasks) {
			if (args.containsOption(task.option())) {
				log.info("Running --{}", task.option());
				return OptionalInt.of(task.run(args));
			}
		}
		return OptionalInt.empty();
	}

}
