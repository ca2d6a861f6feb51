package dev.daap.domain.team;

import java.util.List;
import java.util.Optional;

/** The store of teams (a secondary port). Calls join the transaction open on the calling thread. */
public interface Teams {
    /** Stores a new team; throws {@code TeamTakenException} if its slug exists. */
    void add(Team team);

    Optional<Team> find(TeamSlug slug);

    /**
     * The team, its row locked until the calling transaction ends: admission (quota and budget) of a team's requests
     * that add databases or cost runs one at a time, so two that each fit but not together cannot both pass.
     */
    Optional<Team> lockForAdmission(TeamSlug slug);

    /** Stores the team's quota and budget; throws {@code TeamNotFoundException} if there is no such team. */
    void updateLimits(Team team);

    /**
     * Up to {@code limit} teams in ascending slug order, those after {@code after} when given (keyset paging: the
     * next page starts after the last slug of this one, whether or not a team has that slug). Throws
     * {@link IllegalArgumentException} if {@code limit} is below 1.
     */
    List<Team> list(Optional<TeamSlug> after, int limit);
}
