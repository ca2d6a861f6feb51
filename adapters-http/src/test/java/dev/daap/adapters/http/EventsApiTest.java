package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.application.event.EventQuery;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.http.SseConnection;
import dev.daap.testing.http.SseConnection.Message;
import dev.daap.testing.http.TestResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/events} over real HTTP, on the real event log and relay: streams, resuming, filters, pages. */
class EventsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventApi api = new EventApi(1_000, Duration.ofMillis(200), 0);
    private final TeamSlug team = EventApi.aTeam();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void streamsEachEventWithItsIdTypeAndData() throws Exception {
        try (SseConnection stream = api.stream(team.value(), "")) {
            assertThat(stream.response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            UUID resource = UUID.randomUUID();
            EventPosition position = api.append(team, EventType.DATABASE_UPDATED, resource);

            Message message = stream.awaitMessages(1).getFirst();

            assertThat(message.id()).isEqualTo(position.encode());
            assertThat(message.event()).isEqualTo("database.updated");
            JsonNode data = JSON.readTree(message.data());
            assertThat(data.get("id").asText()).isEqualTo(position.encode());
            assertThat(data.get("type").asText()).isEqualTo("database.updated");
            assertThat(data.get("team").asText()).isEqualTo(team.value());
            assertThat(data.get("resource_id").asText()).isEqualTo(resource.toString());
            assertThat(data.get("occurred_at").asText()).endsWith("Z");
            assertThat(data.get("data").get("name").asText()).startsWith("db-");
        }
    }

    @Test
    void anIdleStreamSendsAKeepAliveCommentEveryHeartbeat() {
        try (SseConnection stream = api.stream(team.value(), "")) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stream.comments().stream()
                                    .filter("keep-alive"::equals)
                                    .count()
                            >= 2);

            assertThat(stream.messages()).isEmpty();
            assertThat(stream.ended()).isFalse();
        }
    }

    @Test
    void resumingWithLastEventIdSendsExactlyTheMissedEventsInOrderThenLiveOnes() {
        String lastSeen = idSeenByAStreamThatThenCloses();
        List<String> missed = List.of(
                api.append(team).encode(),
                api.append(team).encode(),
                api.append(team).encode());

        resumesWithTheMissedThenALiveOne(lastSeen, missed);
    }

    @Test
    void resumingWorksTooWhenTheRelayLostItsConnectionMeanwhile() {
        String lastSeen = idSeenByAStreamThatThenCloses();
        long readsBefore = api.relay.reads();
        api.killRelayConnection();
        List<String> missed = List.of(
                api.append(team).encode(),
                api.append(team).encode(),
                api.append(team).encode());
        await().atMost(Duration.ofSeconds(30)).until(() -> api.relay.reads() > readsBefore); // it listens again

        resumesWithTheMissedThenALiveOne(lastSeen, missed);
    }

    /** Opens a stream, lets one event arrive and closes it: the id a client would resume from. */
    private String idSeenByAStreamThatThenCloses() {
        try (SseConnection first = api.stream(team.value(), "")) {
            api.append(team);
            return first.awaitMessages(1).getFirst().id();
        }
    }

    /** A stream resumed after {@code lastSeen} gets the three {@code missed} events, then a live one, each once. */
    private void resumesWithTheMissedThenALiveOne(String lastSeen, List<String> missed) {
        try (SseConnection resumed = api.stream(team.value(), "", Map.of("Last-Event-ID", lastSeen))) {
            assertThat(resumed.awaitMessages(3)).extracting(Message::id).containsExactlyElementsOf(missed);
            String live = api.append(team).encode();

            resumed.awaitMessages(4);
            assertThat(resumed.ids()).containsExactly(missed.get(0), missed.get(1), missed.get(2), live);
        }
    }

    @Test
    void theHeaderWinsOverTheAfterParameterThatABrowserRepeatsOnReconnect() {
        EventPosition first = api.append(team);
        EventPosition second = api.append(team);
        EventPosition third = api.append(team);

        try (SseConnection fromParameter = api.stream(team.value(), "?after=" + first.encode());
                SseConnection fromHeader = api.stream(
                        team.value(), "?after=" + first.encode(), Map.of("Last-Event-ID", second.encode()))) {
            assertThat(fromParameter.awaitMessages(2))
                    .extracting(Message::id)
                    .containsExactly(second.encode(), third.encode());
            assertThat(fromHeader.awaitMessages(1)).extracting(Message::id).containsExactly(third.encode());
        }
    }

    @Test
    void aTeamNeverReceivesAnotherTeamsEventsInAStreamOrAPage() throws Exception {
        TeamSlug other = EventApi.aTeam();
        try (SseConnection mine = api.stream(team.value(), "?after=" + EventPosition.ORIGIN.encode());
                SseConnection admin = api.stream("*", "")) {
            EventPosition theirs = api.append(other);
            EventPosition ours = api.append(team);

            admin.awaitMessages(2);
            assertThat(admin.ids()).contains(theirs.encode(), ours.encode());
            assertThat(mine.awaitMessages(1)).extracting(Message::id).containsExactly(ours.encode());
            assertThat(mine.ids()).doesNotContain(theirs.encode());
        }
        JsonNode page = page(team.value(), "?format=json").json();
        assertThat(page.get("items"))
                .extracting(item -> item.get("team").asText())
                .containsOnly(team.value());
        assertThat(page.get("items")).hasSize(1);
    }

    @Test
    void anEventOfTheFleetReachesPlatformAdminsOnly() throws Exception {
        UUID cluster = UUID.randomUUID();
        try (SseConnection mine = api.stream(team.value(), "?after=" + EventPosition.ORIGIN.encode());
                SseConnection asking = api.stream(team.value(), "?type=cluster.health_changed");
                SseConnection admin = api.stream("*", "?type=cluster.health_changed,database.created")) {
            EventPosition fleet = api.append(null, EventType.CLUSTER_HEALTH_CHANGED, cluster);
            EventPosition ours = api.append(team);

            List<Message> seen = admin.awaitMessages(2);
            assertThat(seen).extracting(Message::id).contains(fleet.encode(), ours.encode());
            JsonNode data = JSON.readTree(seen.stream()
                    .filter(message -> message.id().equals(fleet.encode()))
                    .findFirst()
                    .orElseThrow()
                    .data());
            assertThat(data.get("type").asText()).isEqualTo("cluster.health_changed");
            assertThat(data.get("team").isNull()).isTrue();
            assertThat(data.get("resource_id").asText()).isEqualTo(cluster.toString());
            assertThat(mine.awaitMessages(1)).extracting(Message::id).containsExactly(ours.encode());
            assertThat(mine.ids()).doesNotContain(fleet.encode());
            assertThat(asking.ids()).isEmpty();
        }
        assertThat(page(team.value(), "?format=json&type=cluster.health_changed")
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(page("*", "?format=json&type=cluster.health_changed&resource_id=" + cluster)
                        .json()
                        .get("items"))
                .singleElement()
                .satisfies(item -> assertThat(item.get("team").isNull()).isTrue());
    }

    @Test
    void filtersByTypeAndResource() {
        UUID resource = UUID.randomUUID();
        try (SseConnection types =
                        api.stream(team.value(), "?type=database.deleted,credentials.rotated&type=database.updated");
                SseConnection ofResource = api.stream(team.value(), "?resource_id=" + resource)) {
            api.append(team, EventType.DATABASE_CREATED, resource);
            EventPosition rotated = api.append(team, EventType.CREDENTIALS_ROTATED, resource);
            EventPosition deletedElsewhere = api.append(team, EventType.DATABASE_DELETED, UUID.randomUUID());
            EventPosition updated = api.append(team, EventType.DATABASE_UPDATED, resource);

            assertThat(types.awaitMessages(3))
                    .extracting(Message::id)
                    .containsExactly(rotated.encode(), deletedElsewhere.encode(), updated.encode());
            assertThat(ofResource.awaitMessages(3))
                    .extracting(Message::event)
                    .containsExactly("database.created", "credentials.rotated", "database.updated");
        }
    }

    @Test
    void aPageOfPastEventsContinuesFromNextAfter() {
        List<String> appended = List.of(
                api.append(team).encode(),
                api.append(team).encode(),
                api.append(team).encode());
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        page(team.value(), "?format=json").json().get("items").size() == 3);

        JsonNode first = page(team.value(), "?format=json&limit=2").json();
        JsonNode second = page(
                        team.value(),
                        "?format=json&limit=2&after=" + first.get("next_after").asText())
                .json();
        JsonNode empty = page(
                        team.value(),
                        "?format=json&after=" + second.get("next_after").asText())
                .json();

        assertThat(first.get("items"))
                .extracting(item -> item.get("id").asText())
                .containsExactlyElementsOf(appended.subList(0, 2));
        assertThat(first.get("next_after").asText()).isEqualTo(appended.get(1));
        assertThat(second.get("items"))
                .extracting(item -> item.get("id").asText())
                .containsExactly(appended.get(2));
        assertThat(empty.get("items")).isEmpty();
        assertThat(empty.get("next_after").asText()).isEqualTo(appended.get(2));
    }

    @Test
    void clientsConnectedWhileAnEarlierNumberWasUncommittedGetItBeforeTheLaterOne() throws Exception {
        EventPosition before = api.log.head();
        try (SseConnection live = api.stream(team.value(), "");
                EventApi.OpenTransaction slow = api.begin();
                EventApi.OpenTransaction fast = api.begin()) {
            EventPosition tenth = slow.append(team);
            EventPosition eleventh = fast.append(team);
            fast.commit();
            long reads = api.relay.reads();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.relay.reads() > reads + 1); // it read after that
            try (SseConnection resumedInBetween =
                    api.stream(team.value(), "", Map.of("Last-Event-ID", before.encode()))) {
                assertThat(live.messages())
                        .as("the eleventh waits for the tenth")
                        .isEmpty();

                slow.commit();

                assertThat(tenth.seq()).isLessThan(eleventh.seq());
                assertThat(live.awaitMessages(2))
                        .extracting(Message::id)
                        .containsExactly(tenth.encode(), eleventh.encode());
                assertThat(resumedInBetween.awaitMessages(2))
                        .extracting(Message::id)
                        .containsExactly(tenth.encode(), eleventh.encode());
            }
        }
    }

    @Test
    void badPositionsAndParametersAreProblemsBeforeAnyStreamStarts() {
        assertProblem(request("", Map.of("Last-Event-ID", "garbage")), "Last-Event-ID");
        assertProblem(request("?after=42", Map.of()), "after");
        assertProblem(request("?format=json&after=" + EventPosition.ORIGIN.encode() + "x", Map.of()), "after");
        assertProblem(request("?type=database.exploded", Map.of()), "type");
        assertProblem(request("?resource_id=nope", Map.of()), "resource_id");
        assertProblem(request("?limit=5", Map.of()), "limit");
        assertProblem(request("?format=json&limit=" + (EventQuery.MAX_LIMIT + 1), Map.of()), "limit");
        assertProblem(request("?format=xml", Map.of()), "format");
        assertProblem(request("?teem=x", Map.of()), "teem");
        assertProblem(request("?after=a&after=b&format=json", Map.of()), "after");
    }

    private void assertProblem(TestResponse response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().get("errors"))
                .extracting(error -> error.get("field").asText())
                .contains(field);
    }

    private TestResponse page(String caller, String query) {
        return request(query, Map.of(EventApi.TEAM_HEADER, caller));
    }

    private TestResponse request(String query, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(Map.of(EventApi.TEAM_HEADER, team.value()));
        all.putAll(headers);
        return api.client.get(
                "/v1/events" + query,
                all.entrySet().stream()
                        .flatMap(header -> Stream.of(header.getKey(), header.getValue()))
                        .toArray(String[]::new));
    }
}
