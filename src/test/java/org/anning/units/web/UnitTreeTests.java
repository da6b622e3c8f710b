package org.anning.units.web;

import java.util.List;
import java.util.UUID;

import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitTreeTests {

	static final List<Unit> UNITS = List.of(unit("AN", "安宁市公安局", "Anning Bureau", UnitLevel.BUREAU, null),
			unit("AN-DC", "东城分局", "Dongcheng Sub-bureau", UnitLevel.SUB_BUREAU, "AN"),
			unit("AN-DC-01", "和平路派出所", "Hepinglu Police Station", UnitLevel.STATION, "AN-DC"),
			unit("AN-DC-01-P1", "和平广场警务站", "Hepinglu Square Police Post", UnitLevel.POST, "AN-DC-01"),
			unit("AN-DC-02", "春晖派出所", "Chunhui Police Station", UnitLevel.STATION, "AN-DC"),
			unit("AN-XH", "西湖分局", "Xihu Sub-bureau", UnitLevel.SUB_BUREAU, "AN"));

	@Test
	void nestsEveryUnitUnderItsParentInCodeOrder() {
		UnitTree tree = UnitTree.of(UNITS, null);
		assertThat(tree.roots()).extracting(n -> n.unit().code()).containsExactly("AN");
		assertThat(tree.roots().get(0).children()).extracting(n -> n.unit().code()).containsExactly("AN-DC", "AN-XH");
		assertThat(tree.codes()).containsExactly("AN", "AN-DC", "AN-DC-01", "AN-DC-01-P1", "AN-DC-02", "AN-XH");
		assertThat(tree.matches()).isEqualTo(6);
	}

	@Test
	void unitsWhoseParentIsOutOfSightAreRoots() {
		UnitTree tree = UnitTree.of(UNITS.subList(2, 5), "");
		assertThat(tree.roots()).extracting(n -> n.unit().code()).containsExactly("AN-DC-01", "AN-DC-02");
	}

	@Test
	void filterKeepsMatchesWithTheirAncestorsMarkedAsContextOnly() {
		UnitTree tree = UnitTree.of(UNITS, " hepinglu square ");
		assertThat(tree.codes()).containsExactly("AN", "AN-DC", "AN-DC-01", "AN-DC-01-P1");
		assertThat(tree.matches()).isEqualTo(1);
		assertThat(tree.roots().get(0).match()).isFalse();
	}

	@Test
	void filterMatchesCodeChineseNameAndEnglishNameIgnoringCase() {
		assertThat(UnitTree.of(UNITS, "an-xh").codes()).containsExactly("AN", "AN-XH");
		assertThat(UnitTree.of(UNITS, "春晖").codes()).containsExactly("AN", "AN-DC", "AN-DC-02");
		assertThat(UnitTree.of(UNITS, "CHUNHUI").codes()).containsExactly("AN", "AN-DC", "AN-DC-02");
		assertThat(UnitTree.of(UNITS, "nothing like it").isEmpty()).isTrue();
	}

	@Test
	void possibleParentsLeaveOutTheUnitItsDescendantsAndLowerLevels() {
		assertThat(UnitController.possibleParents(UNITS.get(1), UNITS)).extracting(Unit::code)
			.containsExactly("AN", "AN-XH");
		assertThat(UnitController.possibleParents(UNITS.get(2), UNITS)).extracting(Unit::code)
			.containsExactly("AN", "AN-DC", "AN-DC-02", "AN-XH");
	}

	static Unit unit(String code, String nameZh, String nameEn, UnitLevel level, String parentCode) {
		return new Unit(id(code), code, nameZh, nameEn, level, parentCode == null ? null : id(parentCode), parentCode,
				true);
	}

	static UnitId id(String code) {
		return new UnitId(UUID.nameUUIDFromBytes(code.getBytes()));
	}
}
