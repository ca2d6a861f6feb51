package dev.daap.adapters.http.user;

import dev.daap.application.user.ListUsers;
import java.util.List;

/** Every live user of a database, by name: one page (a database has a handful), so {@code next_page_token} is null. */
public record UserListResponse(List<UserResponse> items, String nextPageToken) {
    public static UserListResponse from(ListUsers.Listed listed) {
        return new UserListResponse(
                listed.users().stream()
                        .map(user -> UserResponse.from(listed.database(), user))
                        .toList(),
                null);
    }
}
