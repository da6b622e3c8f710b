package org.anning.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Simplified Chinese by default, English on a switch ({@code ?lang=en}) remembered in a cookie. API clients
 * choose with {@code Accept-Language}.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new LanguageResolver("anning-lang");
		resolver.setDefaultLocale(CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

	/**
	 * The cookie wins; without one, an API request with an English {@code Accept-Language} gets English, and
	 * everything else (every page, whatever the browser sends) is Chinese. Only the two supported languages
	 * are ever returned.
	 */
	static final class LanguageResolver extends CookieLocaleResolver {

		LanguageResolver(String cookieName) {
			super(cookieName);
			setDefaultLocaleFunction(request -> {
				String header = request.getHeader("Accept-Language");
				boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
				if (api && header != null && header.toLowerCase(Locale.ROOT).startsWith("en")) {
					return Locale.ENGLISH;
				}
				return CHINESE;
			});
		}

		@Override
		public void setLocale(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response, Locale locale) {
			super.setLocale(request, response, supported(locale));
		}

		static Locale supported(Locale locale) {
			return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
		}
	}
}
