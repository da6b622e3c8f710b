package org.anning.units;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.anning.database.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fictional bureau for demo mode: 安宁市公安局 with three sub-bureaus, fourteen stations and some posts.
 * Identifiers derive from the codes, so the demo organisation is the same on every machine.
 */
@Component
@Order(10)
class UnitDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(UnitDemoData.class);

	/** code, Chinese name, English name, level, parent code. */
	static final String[][] UNITS = {
			{ "AN", "安宁市公安局", "Anning Municipal Public Security Bureau", "BUREAU", null },
			{ "AN-DC", "东城分局", "Dongcheng Sub-bureau", "SUB_BUREAU", "AN" },
			{ "AN-XH", "西湖分局", "Xihu Sub-bureau", "SUB_BUREAU", "AN" },
			{ "AN-NS", "南山分局", "Nanshan Sub-bureau", "SUB_BUREAU", "AN" },
			{ "AN-DC-01", "和平路派出所", "Hepinglu Police Station", "STATION", "AN-DC" },
			{ "AN-DC-02", "春晖派出所", "Chunhui Police Station", "STATION", "AN-DC" },
			{ "AN-DC-03", "东关派出所", "Dongguan Police Station", "STATION", "AN-DC" },
			{ "AN-DC-04", "滨江派出所", "Binjiang Police Station", "STATION", "AN-DC" },
			{ "AN-DC-05", "新华派出所", "Xinhua Police Station", "STATION", "AN-DC" },
			{ "AN-XH-01", "湖滨派出所", "Hubin Police Station", "STATION", "AN-XH" },
			{ "AN-XH-02", "柳堤派出所", "Liudi Police Station", "STATION", "AN-XH" },
			{ "AN-XH-03", "文教派出所", "Wenjiao Police Station", "STATION", "AN-XH" },
			{ "AN-XH-04", "龙井派出所", "Longjing Police Station", "STATION", "AN-XH" },
			{ "AN-XH-05", "西溪派出所", "Xixi Police Station", "STATION", "AN-XH" },
			{ "AN-NS-01", "南门派出所", "Nanmen Police Station", "STATION", "AN-NS" },
			{ "AN-NS-02", "翠屏派出所", "Cuiping Police Station", "STATION", "AN-NS" },
			{ "AN-NS-03", "桃源派出所", "Taoyuan Police Station", "STATION", "AN-NS" },
			{ "AN-NS-04", "青石派出所", "Qingshi Police Station", "STATION", "AN-NS" },
			{ "AN-DC-01-P1", "和平广场警务站", "Hepinglu Square Police Post", "POST", "AN-DC-01" },
			{ "AN-DC-04-P1", "江滨公园警务站", "Riverside Park Police Post", "POST", "AN-DC-04" },
			{ "AN-XH-01-P1", "湖滨步行街警务站", "Hubin Pedestrian Street Police Post", "POST", "AN-XH-01" },
			{ "AN-XH-04-P1", "茶园景区警务站", "Tea Garden Scenic Area Police Post", "POST", "AN-XH-04" },
			{ "AN-NS-01-P1", "高铁南站警务站", "South Railway Station Police Post", "POST", "AN-NS-01" } };

	private final UnitRepository units;

	private final DemoMode demo;

	private final Clock clock;

	UnitDemoData(UnitRepository units, DemoMode demo, Clock clock) {
		this.units = units;
		this.demo = demo;
		this.clock = clock;
	}

	static UnitId idOf(String code) {
		return new UnitId(UUID.nameUUIDFromBytes(("anning-demo-unit:" + code).getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.on() || units.count() > 0) {
			return;
		}
		for (String[] u : UNITS) {
			units.insert(idOf(u[0]), u[0], u[1], u[2], UnitLevel.valueOf(u[3]), u[4] == null ? null : idOf(u[4]),
					clock.instant());
		}
		log.info("Demo organisation created: {} units under {}", UNITS.length, UNITS[0][1]);
	}
}
