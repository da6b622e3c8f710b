package org.anning.operations;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Operator commands run as {@code java -jar anning.jar <command> ...}. Each command is a bean implementing
 * {@link Command}, found by its name, so that modules own their commands.
 */
public final class CommandLine {

	private CommandLine() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && !args[0].startsWith("-");
	}

	/** Starts the application as {@code application} builds it (no web server), runs the command, and stops. */
	public static int run(String[] args, java.util.function.Supplier<org.springframework.boot.SpringApplication> application) {
		PrintStream out = System.out;
		ConfigurableApplicationContext context;
		try {
			context = application.get().run();
		}
		catch (RuntimeException e) {
			System.err.println("anning: " + rootMessage(e));
			return 2;
		}
		try (context) {
			Map<String, Command> commands = context.getBeansOfType(Command.class);
			var command = commands.values().stream().filter(c -> c.name().equals(args[0])).findFirst();
			if (command.isEmpty()) {
				System.err.println("anning: unknown command '" + args[0] + "'. Commands: "
						+ commands.values().stream().map(Command::name).sorted().toList());
				return 2;
			}
			try {
				return command.get().run(Arrays.copyOfRange(args, 1, args.length), out);
			}
			catch (Command.UsageException e) {
				System.err.println("anning " + args[0] + ": " + e.getMessage());
				return 2;
			}
		}
	}

	private static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage();
	}
}
