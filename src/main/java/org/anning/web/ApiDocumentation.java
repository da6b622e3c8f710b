package org.anning.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of {@code /api/v1}: staff clients send an API token as a bearer token. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI anningApi() {
		return new OpenAPI()
			.info(new Info().title("Anning API")
				.version("v1")
				.description("Anning (安宁) public-safety service platform. Errors are RFC 9457 problem details in the "
						+ "request's language (Accept-Language: zh-CN by default, or en).")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("An API token (ann_…)")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}
}
