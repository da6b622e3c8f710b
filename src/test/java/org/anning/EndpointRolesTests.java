package org.anning;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every endpoint of the application, with the roles its code lets in, must match the
 * committed file {@code docs/endpoint-roles.txt}. A new endpoint that is missing from the file, or whose access
 * changed, fails the build until the file says so too.
 */
@AnningTest
class EndpointRolesTests {

	static final Path FILE = Path.of("docs", "endpoint-roles.txt");

	static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointAndWhoMayCallItIsInTheCommittedFile() throws IOException {
		TreeSet<String> actual = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = mapping.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("org.anning")) {
				continue; // the framework's own (error page, API documentation)
			}
			var methods = mapping.getKey().getMethodsCondition().getMethods();
			for (String path : mapping.getKey().getPatternValues()) {
				String verbs = methods.isEmpty() ? "ANY" : String.join(",", new TreeSet<>(methods.stream().map(Enum::name).toList()));
				actual.add(verbs + " " + path + "  " + access(path, handler.getMethod()));
			}
		}
		List<String> committed = Files.exists(FILE) ? Files.readAllLines(FILE).stream()
			.filter(l -> !l.isBlank() && !l.startsWith("#"))
			.toList() : List.of();
		if (Boolean.getBoolean("anning.endpoints.write")) {
			List<String> lines = new ArrayList<>();
			lines.add("# Every endpoint and who may call it: METHOD PATH  ACCESS. Checked by EndpointRolesTests.");
			lines.add("# PUBLIC: anyone; RESIDENT: a signed-in resident; STAFF: any staff user past both factors;");
			lines.add("# otherwise the staff roles that may call it (always within their unit scope).");
			lines.addAll(actual);
			Files.write(FILE, lines);
		}
		assertThat(new TreeSet<>(committed)).as("docs/endpoint-roles.txt (regenerate with -Danning.endpoints.write=true and review)")
			.containsExactlyElementsOf(actual);
	}

	/** The roles the method's (or else its class's) @PreAuthorize names, or what the URL's filter chain requires. */
	static String access(String path, Method method) {
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), PreAuthorize.class);
		}
		if (rule != null) {
			TreeSet<String> roles = new TreeSet<>();
			Matcher m = ROLE.matcher(rule.value());
			while (m.find()) {
				roles.add(m.group(1));
			}
			if (roles.remove("ROLE_STAFF") && roles.isEmpty()) {
				return "STAFF";
			}
			return String.join(",", roles);
		}
		if (path.equals("/api/v1/residents") || path.equals("/api/v1/residents/tokens") || path.startsWith("/api/v1/calendar/")
				// public to read; changes carry @PreAuthorize and were answered above
				|| path.startsWith("/api/v1/catalogue")
				|| path.matches("/api/v1/applications/\\{[a-z]+\\}/progress")) {
			return "PUBLIC";
		}
		if (path.startsWith("/desk/signin")) {
			return path.equals("/desk/signin") ? "PUBLIC" : "PASSWORD_FACTOR";
		}
		if (path.startsWith("/api/") || path.startsWith("/desk")) {
			return "STAFF";
		}
		if (path.startsWith("/me")) {
			return "RESIDENT";
		}
		return "PUBLIC";
	}
}
