package org.anning.services;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.anning.units.UnitLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the default catalogue at start-up: an item whose code is not in the table yet is added; an item already
 * there is left as the administrators made it.
 */
@Component
@Order(6)
class DefaultCatalogue implements ApplicationRunner {

	static final String LOCATION = "org/anning/services/catalogue.json";

	private static final Logger log = LoggerFactory.getLogger(DefaultCatalogue.class);

	private final CatalogueRepository items;

	private final Clock clock;

	DefaultCatalogue(CatalogueRepository items, Clock clock) {
		this.items = items;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		int added = 0;
		for (ServiceItem item : read()) {
			if (!items.exists(item.code())) {
				items.insert(item, clock.instant());
				added++;
			}
		}
		if (added > 0) {
			log.info("Added {} items to the service catalogue", added);
		}
	}

	/** The default items, with identifiers derived from their codes so that every installation agrees. */
	static List<ServiceItem> read() throws IOException {
		List<ServiceItem> result = new ArrayList<>();
		try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
			for (JsonNode node : JsonMapper.builder().build().readTree(in)) {
				List<MaterialRequirement> materials = new ArrayList<>();
				for (JsonNode m : node.get("materials")) {
					EnumSet<MaterialFormat> formats = EnumSet.noneOf(MaterialFormat.class);
					m.get("formats").forEach(f -> formats.add(MaterialFormat.valueOf(f.asString())));
					materials.add(new MaterialRequirement(m.get("code").asString(), m.get("nameZh").asString(),
							m.get("nameEn").asString(), m.get("mandatory").asBoolean(), formats));
				}
				String code = node.get("code").asString();
				result.add(new ServiceItem(id(code), code, ServiceCategory.valueOf(node.get("category").asString()),
						node.get("nameZh").asString(), node.get("nameEn").asString(), node.get("descriptionZh").asString(),
						node.get("descriptionEn").asString(), node.get("statutoryDays").asInt(),
						node.get("committedDays").asInt(), new BigDecimal(node.get("fee").asString()),
						UnitLevel.valueOf(node.get("handlingLevel").asString()), node.get("online").asBoolean(), true, 0,
						materials));
			}
		}
		return result;
	}

	static UUID id(String code) {
		return UUID.nameUUIDFromBytes(("anning-service-item:" + code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
