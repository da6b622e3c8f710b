package org.anning.accounts;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

import org.anning.operations.Command;
import org.springframework.stereotype.Component;

/**
 * {@code tokens issue --user NAME [--days N] [--name LABEL]}: issues an API token for a staff account and prints
 * only the token, for operators and scripts.
 */
@Component
class TokensCommand implements Command {

	private final StaffAccountRepository accounts;

	private final ApiTokens tokens;

	TokensCommand(StaffAccountRepository accounts, ApiTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@Override
	public String name() {
		return "tokens";
	}

	@Override
	public int run(String[] args, PrintStream out) {
		if (args.length == 0 || !args[0].equals("issue")) {
			throw new UsageException("usage: tokens issue --user NAME [--days N] [--name LABEL]");
		}
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new UsageException("usage: tokens issue --user NAME [--days N] [--name LABEL]");
			}
			options.put(args[i].substring(2), args[++i]);
		}
		String user = options.get("user");
		if (user == null) {
			throw new UsageException("--user is required");
		}
		int days;
		try {
			days = Integer.parseInt(options.getOrDefault("days", "30"));
		}
		catch (NumberFormatException e) {
			throw new UsageException("--days must be a whole number of days");
		}
		if (days < 1 || days > ApiTokens.MAX_DAYS) {
			throw new UsageException("--days must be between 1 and " + ApiTokens.MAX_DAYS);
		}
		StaffAccount account = accounts.findByUsername(user)
			.filter(StaffAccount::active)
			.orElseThrow(() -> new UsageException("no active staff account named '" + user + "'"));
		out.println(tokens.issue(account.id(), options.getOrDefault("name", "command line"), days, account.id()).token());
		return 0;
	}
}
