package org.hetao.estation.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hetao.estation.shared.CommandLineTask;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class CommandLineTasksTests {

	final List<String> ran = new ArrayList<>();

	CommandLineTask task(String option, int code) {
		return CommandLineTask.of(option, args -> {
			ran.add(option + args.getOptionValues("batch"));
			return code;
		});
	}

	@Test
	void runsTheTaskTheCommandLineAsksForWithItsOptionsAndAnswersItsExitCode() {
		CommandLineTasks tasks = new CommandLineTasks(List.of(task("audit-verify", 3), task("crypto-rotate", 4)), null);
		assertThat(tasks.runAsked(new DefaultApplicationArguments("--crypto-rotate", "--batch=10"))).hasValue(4);
		assertThat(ran).containsExactly("crypto-rotate[10]");
	}

	@Test
	void withoutATasksOptionNothingRunsAndTheApplicationServes() {
		CommandLineTasks tasks = new CommandLineTasks(List.of(task("audit-verify", 3)), null);
		assertThat(tasks.runAsked(new DefaultApplicationArguments("--server.port=8092"))).isEmpty();
		assertThat(ran).isEmpty();
	}

}
