package org.hetao.estation.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hetao.estation.search.Search;
import org.hetao.estation.search.SearchHit;
import org.hetao.estation.search.SearchRequest;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Another node changed an organisation in the shared database and wrote a {@code search_change} row: this
 * node's follower re-indexes it from the database; its own rows are not done twice; a row that shows up
 * behind one already seen (its transaction committed late) is still applied; a removal is followed too.
 */
@SpringBootTest
class SearchChangeFollowerIntegrationTests {

	@Autowired
	SearchChangeFollower follower;

	@Autowired
	SharedSearchIndexer shared;

	@Autowired
	Search search;

	@Autowired
	JdbcClient jdbc;

	final String code = "FOLLOW-" + UUID.randomUUID().toString().substring(0, 8);

	final String marker = "Qx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	@AfterEach
	void cleanUp() {
		jdbc.sql("delete from directory_organisation where code = ?").param(code).update();
		jdbc.sql("delete from search_change where code = ?").param(code).update();
	}

	List<String> found() {
		return search.search(SearchRequest.of(marker, Language.EN)).hits().stream().map(SearchHit::code).toList();
	}

	void change(String node, Long id) {
		if (id == null) {
			jdbc.sql("insert into search_change (doc_type, code, node, changed_at) values ('ORGANISATION', ?, ?, ?)")
				.params(code, node, Timestamp.from(Instant.now()))
				.update();
		}
		else {
			jdbc.sql("insert into search_change (id, doc_type, code, node, changed_at) values (?, 'ORGANISATION', ?, ?, ?)")
				.params(id, code, node, Timestamp.from(Instant.now()))
				.update();
		}
	}

	@Test
	void changesOfOtherNodesAreFollowedOnceAndOwnChangesAreNotRedone() {
		follower.follow();
		String template = jdbc.sql("select min(code) from directory_organisation").query(String.class).single();
		jdbc.sql("""
				insert into directory_organisation (code, kind, name_zh_hant, name_zh_hans, name_en, description_zh_hant,
				    description_zh_hans, description_en, background, hk_member_share, fields, base_code, source_note,
				    illustrative, origin, version, updated_at, updated_by)
				select ?, kind, name_zh_hant, name_zh_hans, ?, description_zh_hant, description_zh_hans, description_en,
				    background, hk_member_share, fields, base_code, source_note, illustrative, origin, 0, updated_at, 'another node'
				from directory_organisation where code = ?""").params(code, "Follower Lab " + marker, template).update();
		assertThat(found()).doesNotContain(code);

		change(shared.node(), null);
		assertThat(follower.follow()).as("this node's own change is not applied again").isZero();
		assertThat(found()).doesNotContain(code);

		change("another-node", null);
		assertThat(follower.follow()).isEqualTo(1);
		assertThat(found()).contains(code);
		assertThat(follower.follow()).as("each row once").isZero();

		// Identities are taken before commit: a row may appear below one already seen, and is still applied.
		long max = jdbc.sql("select max(id) from search_change").query(Long.class).single();
		jdbc.sql("update directory_organisation set name_en = ? where code = ?").params("Follower Lab renamed", code).update();
		change("another-node", max + 1_000_000);
		assertThat(follower.follow()).isEqualTo(1);
		assertThat(found()).doesNotContain(code);
		jdbc.sql("update directory_organisation set name_en = ? where code = ?").params("Follower Lab " + marker, code).update();
		change("another-node", max + 999_990);
		assertThat(follower.follow()).isEqualTo(1);
		assertThat(found()).contains(code);

		// Removed on another node.
		jdbc.sql("delete from directory_organisation where code = ?").param(code).update();
		change("another-node", null);
		assertThat(follower.follow()).isEqualTo(1);
		assertThat(found()).doesNotContain(code);
	}

}
