package dev.daap.domain.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.error.IllegalTransitionException;
import org.junit.jupiter.api.Test;

class DatabaseStatusTest {

    @Test
    void followsTheLifecycle() {
        assertThat(DatabaseStatus.PENDING.moveTo(DatabaseStatus.PROVISIONING)).isEqualTo(DatabaseStatus.PROVISIONING);
        assertThat(DatabaseStatus.PROVISIONING.canMoveTo(DatabaseStatus.READY)).isTrue();
        assertThat(DatabaseStatus.FAILED.canMoveTo(DatabaseStatus.PENDING)).isTrue();
        assertThat(DatabaseStatus.READY.canMoveTo(DatabaseStatus.DELETING)).isTrue();
    }

    @Test
    void refusesIllegalMoves() {
        assertThatThrownBy(() -> DatabaseStatus.DELETED.moveTo(DatabaseStatus.READY))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("a database cannot go from deleted to ready");
        assertThat(DatabaseStatus.READY.canMoveTo(DatabaseStatus.PENDING)).isFalse();
        assertThat(DatabaseStatus.PURGED.next()).isEmpty();
        assertThat(DatabaseStatus.RESTORING.canMoveTo(DatabaseStatus.PURGING)).isFalse();
        assertThat(DatabaseStatus.DELETED.next())
                .containsExactlyInAnyOrder(DatabaseStatus.RESTORING, DatabaseStatus.PURGING);
    }

    @Test
    void readsAndWritesItsWireName() {
        for (DatabaseStatus status : DatabaseStatus.values()) {
            assertThat(DatabaseStatus.fromWireName(status.wireName())).isEqualTo(status);
        }
        assertThatThrownBy(() -> DatabaseStatus.fromWireName("READY")).isInstanceOf(IllegalArgumentException.class);
    }
}
