package dev.daap.adapters.http.user;

import dev.daap.application.user.UserCredentials;

/** The answer to a create: the user, and its credentials (shown later by {@code …/users/{name}/credentials}). */
public record CreatedUserResponse(UserResponse user, UserCredentialsResponse credentials) {
    public static CreatedUserResponse from(UserCredentials credentials) {
        return new CreatedUserResponse(
                UserResponse.from(credentials.database(), credentials.user()),
                UserCredentialsResponse.from(credentials));
    }

    @Override
    public String toString() {
        return "CreatedUserResponse[" + user.name() + ", credentials=***]";
    }
}
